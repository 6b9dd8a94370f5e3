// Stopping a server without dropping work. On SIGTERM (docker stop, a rolling deploy) Next.js stops
// accepting connections, finishes the requests in flight, then exits; this process meanwhile answers
// /api/ready with 503 "draining" so that a load balancer sends nothing new. Every write is committed
// or rolled back as a whole before exit (PGlite's log is written at commit; a PostgreSQL transaction
// that never committed is rolled back by the server), and the embedded database's folder lock is
// released on exit (lib/db/folder-lock.ts).
import { log } from "./log";

let draining = false;

/** Whether this process has been asked to stop. */
export function isDraining(): boolean {
  return draining;
}

/** Listens for the stop signals once per process (instrumentation.ts). */
export function drainOnSignal(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (!draining) log.info({ signal }, "stopping: finishing the requests in flight, /api/ready now answers 503");
      draining = true;
    });
  }
}
