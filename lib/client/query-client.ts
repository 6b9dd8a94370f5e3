"use client";
import { QueryClient } from "@tanstack/react-query";

let browserClient: QueryClient | undefined;

/**
 * The TanStack Query client, handed to each hook rather than through a provider: the query library then
 * loads with the first component that fetches (a filter change, an opened card), not with every page.
 * One client per browser tab; a server render gets its own, never shared between users.
 */
export function queryClient(): QueryClient {
  // Slow connections get fewer refetches.
  const make = () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });
  if (typeof window === "undefined") return make();
  browserClient ??= make();
  return browserClient;
}
