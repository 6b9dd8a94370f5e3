// Stopping a server without dropping work. On SIGTERM (docker stop, a rolling deploy) Next.js stops
// accepting connections, finishes the requests in flight, then exits; this process meanwhile answers
// /api/ready with 503 "draining" so that a load balancer sends nothing new, and closes the database
// cleanly before the exit Next.js asks for (PGlite flushed and its folder lock released, PostgreSQL
// connections ended), within a few seconds at most.
import { closeDb } from "@/lib/platform/db";
import { stopJobQueue } from "@/lib/platform/jobs/queue";
import { log } from "./log";

const CLOSE_TIMEOUT_MS = 5_000;

let draining = false;

/** Whether this process has been asked to stop. */
export function isDraining(): boolean {
  return draining;
}

/** Listens for the stop signals once per process (instrumentation.ts). */
export function drainOnSignal(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (draining) return;
      draining = true;
      log.info({ signal }, "stopping: finishing the requests in flight, /api/ready now answers 503");
      closeDatabaseBeforeExit();
    });
  }
}

/**
 * Next.js ends its shutdown with process.exit once the requests in flight are done: the database is
 * closed first (process.exit gives no later moment to wait for anything).
 */
function closeDatabaseBeforeExit() {
  const exit = process.exit.bind(process);
  let closing = false;
  process.exit = ((code?: number) => {
    if (closing) return undefined as never;
    closing = true;
    const timeout = setTimeout(() => exit(code), CLOSE_TIMEOUT_MS);
    // A background import in progress is given the same few seconds; one cut short is rolled back.
    stopJobQueue()
      .catch((error) => log.error({ err: error }, "job queue not stopped cleanly"))
      .then(() => closeDb())
      .then(() => log.info("database closed"))
      .catch((error) => log.error({ err: error }, "database not closed cleanly"))
      .finally(() => {
        clearTimeout(timeout);
        exit(code);
      });
    return undefined as never;
  }) as typeof process.exit;
}
