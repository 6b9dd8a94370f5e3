// Approved summaries computed once per (project, data version, view) and kept in a bounded
// least-recently-used map in the process. The data version lives in the database and database
// triggers move it in the same transaction as any change a summary depends on, so an entry can only be
// served while its project is exactly as it was computed from, on every app instance.

import type { ProjectSummary } from "@/lib/domain/summary/types";
import { LruCache } from "@/lib/platform/ops/lru-cache";

/**
 * Bounded by size, not count: each summary weighs its JSON's length (about its share of the heap, which is
 * a few times that). A count of 1,000 let as many full summaries of large projects (458 KiB of JSON each)
 * hold gigabytes; this holds every overview of a large portfolio (a few KiB each) beside a few hundred
 * full summaries.
 */
export const MAX_SUMMARY_BYTES = 128 * 1024 * 1024;
const summaries = new LruCache<ProjectSummary>(MAX_SUMMARY_BYTES, (summary) => JSON.stringify(summary).length);

export function cachedSummary(key: string): ProjectSummary | undefined {
  return summaries.get(key);
}

export function rememberSummary(key: string, summary: ProjectSummary): void {
  summaries.set(key, summary);
}

/** How many summaries this process holds (for tests and the benchmark). */
export function cachedSummaryCount(): number {
  return summaries.size;
}

const inFlight = new Map<string, Promise<ProjectSummary | null>>();

/**
 * One computation per key at a time: requests arriving while a summary is being computed (a donor
 * link opened by many at once, just after an approval) wait for it instead of each computing it again.
 */
export function computeOnce(
  key: string,
  compute: () => Promise<ProjectSummary | null>,
): Promise<ProjectSummary | null> {
  const running = inFlight.get(key);
  if (running) return running;
  const started = compute().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
