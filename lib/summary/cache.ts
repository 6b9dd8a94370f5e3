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
