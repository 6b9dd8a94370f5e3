// A transaction that PostgreSQL aborted because it deadlocked with another, or could not be serialized
// beside it, did nothing (it rolled back whole): running it again is safe, and is what the database
// asks for. Every interactive transaction of the app's client is retried this way (lib/platform/db/index.ts),
// so such a collision never reaches a user as an error.

const TRANSIENT_SQLSTATES = new Set(["40P01", "40001"]); // deadlock_detected, serialization_failure

/** Whether an error is a deadlock or serialization failure, through Prisma or its driver adapter. */
export function isTransientConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (e.code === "P2034") return true;
    if (typeof e.originalCode === "string" && TRANSIENT_SQLSTATES.has(e.originalCode)) return true;
    if (typeof e.code === "string" && TRANSIENT_SQLSTATES.has(e.code)) return true;
    if (typeof e.message === "string" && /deadlock detected|could not serialize access/i.test(e.message)) return true;
    const driverError = (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    current = driverError ?? e.cause;
  }
  return false;
}

/** Runs `work` again (up to `attempts` times in all, after a short random pause) while it fails transiently. */
export async function retryTransient<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error;
      // The two sides of a deadlock must not meet again in step.
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
  }
}
