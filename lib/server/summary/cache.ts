// Approved summaries computed once per (project, data version, view) and kept in a bounded
// least-recently-used map in the process. The data version lives in the database and database
// triggers move it in the same transaction as any change a summary depends on, so an entry can only be
// served while its project is exactly as it was computed from, on every app instance.

import type { ProjectSummary } from "@/lib/domain/summary/types";
import { LruCache } from "@/lib/platform/ops/lru-cache";

// Enough for every project of a large portfolio (overviews are small) beside the dashboards in use.
const summaries = new LruCache<ProjectSummary>(1000);

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
