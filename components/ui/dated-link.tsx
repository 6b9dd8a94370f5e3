"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { useDatedHref } from "./dated-href";

/** A link to another page of the same figures, as of the page's day. */
export function DatedLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  return (
    <Link className={className} href={useDatedHref(href)}>
      {children}
    </Link>
  );
}
