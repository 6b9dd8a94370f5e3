"use client";
import type { ReactNode } from "react";
import { useDatedHref } from "./dated-href";

/**
 * A report's download as of the page's day. A plain link (a download is no page change), kept apart from
 * DatedLink so the donor page's first load carries no client-side router link.
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
  return (
    <a className={className} href={useDatedHref(href)} download>
      {children}
    </a>
  );
}
