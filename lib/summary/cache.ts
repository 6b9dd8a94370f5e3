// Approved summaries computed once per (project, data version, view) and kept in a bounded
// least-recently-used map in the process. The data version lives in the database and database
// triggers move it in the same transaction as any change a summary depends on, so an entry can only be
// served while its project is exactly as it was computed from, on every app instance.
import type { ProjectSummary } from "./service";

// Enough for every project of a large portfolio (overviews are small) beside the dashboards in use.
const MAX_ENTRIES = 1000;
const entries = new Map<string, ProjectSummary>();

export function cachedSummary(key: string): ProjectSummary | undefined {
  const found = entries.get(key);
  if (found) {
    entries.delete(key);
    entries.set(key, found); // most recently used last
  }
  return found;
}

export function rememberSummary(key: string, summary: ProjectSummary): void {
  entries.set(key, summary);
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** How many summaries this process holds (for tests and the benchmark). */
export function cachedSummaryCount(): number {
  return entries.size;
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
