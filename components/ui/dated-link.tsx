"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { AsOf } from "@/lib/domain/as-of";

/**
 * A link as of the day the page's address names (`?asOf=`, which the dashboard's filter keeps there
 * without reloading), or today's when it names none or one that does not parse: a report's download
 * (`download`) or another page of the same figures.
 */
export function DatedLink({
  href,
  children,
  className,
  download = false,
}: {
  href: string;
  children: ReactNode;
  className?: string;
  download?: boolean;
}) {
  const day = AsOf.fromSearch(useSearchParams().get("asOf") ?? undefined)?.toSearch() ?? "";
  const dated = `${href}${day && href.includes("?") ? day.replace("?", "&") : day}`;
  return download ? (
    <a className={className} href={dated} download>
      {children}
    </a>
  ) : (
    <Link className={className} href={dated}>
      {children}
    </Link>
  );
}
