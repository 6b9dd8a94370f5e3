"use client";
import { useSearchParams } from "next/navigation";
import { AsOf } from "@/lib/domain/as-of";

/**
 * The address `href` as of the day the page's address names (`?asOf=`, which the dashboard's filter
 * keeps there without reloading); unchanged when it names none or one that does not parse.
 */
export function useDatedHref(href: string): string {
  // Typed as possibly null since the app also has a Pages Router route (pages/api); never null in the App Router.
  const day = AsOf.fromSearch(useSearchParams()?.get("asOf") ?? undefined)?.toSearch() ?? "";
  return `${href}${day && href.includes("?") ? day.replace("?", "&") : day}`;
}
