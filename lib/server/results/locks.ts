// Advisory locks for results, inside the caller's transaction. Grid saves take the project's lock
// shared (many at once, each also locking its cells); an import and a period lock take it exclusively,
// so neither interleaves with a save: a lock check made under it holds until the write commits.
import type { Tx } from "@/lib/platform/db";

export const PROJECT_RESULTS_LOCK = "project-results:";

/** Shared: saves of one project may run together (their cells are locked one by one). */
export async function lockProjectResultsShared(tx: Tx, projectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${`${PROJECT_RESULTS_LOCK}${projectId}`}))`;
}

/** Exclusive: no save of the project runs meanwhile (imports, locking or reopening a period). */
export async function lockProjectResultsExclusive(tx: Tx, projectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${PROJECT_RESULTS_LOCK}${projectId}`}))`;
}

/**
 * Locks the cells a batch writes, always in the same (sorted) order, so two batches naming the same
 * cells in opposite orders wait for each other instead of deadlocking.
 */
export async function lockCells(tx: Tx, cellKeys: string[]): Promise<void> {
  for (const key of [...new Set(cellKeys)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  }
}
