"use client";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { AsOf } from "@/lib/domain/as-of";

/**
 * A download of a report as of the day the page's address names (`?asOf=`, which the dashboard's filter
 * keeps there without reloading), or today's when it names none or one that does not parse.
 */
export function DatedDownloadLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  const day = AsOf.fromSearch(useSearchParams().get("asOf") ?? undefined)?.toSearch() ?? "";
  const dated = day && href.includes("?") ? day.replace("?", "&") : day;
  return (
    <a className={className} href={`${href}${dated}`} download>
      {children}
    </a>
  );
}
