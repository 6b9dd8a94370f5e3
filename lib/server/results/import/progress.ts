// How far a results import has come: counted in memory as the file streams in and written to the
// database at most every PROGRESS_INTERVAL_MS (outside the import's own transaction), so the page can
// show a progress bar whichever app instance it asks. Best effort: a failed progress write never fails
// the import.
import "server-only";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";

/** "queued": a background import waiting for its turn (PostgreSQL's job queue). */
export type ImportPhase = "queued" | "reading" | "checking" | "writing" | "done" | "failed";

const PROGRESS_INTERVAL_MS = 500;
/** Progress rows older than this are swept when an import starts. */
const KEPT_MS = 24 * 60 * 60 * 1000;

export type ProgressReporter = {
  bytes(count: number): void;
  rows(count: number): void;
  phase(phase: ImportPhase): Promise<void>;
  /**
   * Runs last in the import's own transaction (a background import's): refuses the commit when the
   * import was given up meanwhile (its heartbeat went silent and another instance marked it failed), so
   * an import reported failed never saved anything.
   */
  fence?(tx: Prisma.TransactionClient): Promise<void>;
};

/** Nothing to report to (an import without a progress id). */
export const noProgress: ProgressReporter = { bytes() {}, rows() {}, phase: async () => {} };

/**
 * A reporter for one import, by the id the browser chose. Writes are chained (never two at once) and
 * throttled; a phase change is written at once.
 */
export async function progressReporter(
  principal: Principal,
  projectId: string,
  id: string,
  bytesTotal: number | null,
  phase: ImportPhase = "reading",
): Promise<ProgressReporter> {
  assertCan(principal, "results.enter", projectId);
  const userId = requireUserId(principal);
  await db().importProgress.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEPT_MS) } } });
  const created = await db()
    .importProgress.create({ data: { id, projectId, userId, phase, bytesTotal } })
    .catch(() => null); // an id already used: the import goes on without a progress bar
  return created ? progressOf(projectId, id, phase) : noProgress;
}

/** The reporter of an import whose progress row exists (a background import taking up its file). */
export function progressOf(projectId: string, id: string, phase: ImportPhase): ProgressReporter {
  const state = { phase, bytesRead: 0, rows: 0 };
  let writing: Promise<unknown> = Promise.resolve();
  let lastWrite = Date.now();
  const write = () => {
    lastWrite = Date.now();
    const data = { ...state };
    writing = writing
      .then(() => db().importProgress.updateMany({ where: { id, projectId }, data }))
      .catch(() => undefined);
    return writing.then(() => undefined);
  };
  const maybeWrite = () => {
    if (Date.now() - lastWrite >= PROGRESS_INTERVAL_MS) void write();
  };
  return {
    bytes(count) {
      state.bytesRead += count;
      maybeWrite();
    },
    rows(count) {
      state.rows = count;
      maybeWrite();
    },
    phase(phase) {
      state.phase = phase;
      return write();
    },
  };
}

/** An import's progress, for members who may enter results in its project; null when unknown. */
export async function readImportProgress(principal: Principal, projectId: string, id: string) {
  assertCan(principal, "results.enter", projectId);
  return db().importProgress.findFirst({
    where: { id, projectId },
    select: {
      phase: true,
      bytesRead: true,
      bytesTotal: true,
      rows: true,
      outcome: true,
      updatedAt: true,
      heartbeatAt: true,
    },
  });
}

/**
 * A background import's answer, kept with its progress for the caller who asks for it. The import set
 * its own phase; an import that could not start (its file gone, its user's rights) is marked failed.
 * An answer already kept (the import was given up as interrupted) is not replaced.
 */
export async function recordOutcome(
  projectId: string,
  id: string,
  outcome: { status: number; body: unknown },
  started: boolean,
) {
  await db().importProgress.updateMany({
    where: { id, projectId, outcome: { equals: Prisma.DbNull } },
    data: { outcome: outcome as Prisma.InputJsonValue, ...(started ? {} : { phase: "failed" }) },
  });
}

/**
 * A background import's heartbeat (the database's clock, so instances' clocks need not agree): true
 * while the import is still wanted, false once it ended or was given up (or its progress is gone).
 * Given the import's transaction, it also locks the progress row until the commit (see `fence`).
 */
export async function touchHeartbeat(id: string, client: Pick<Prisma.TransactionClient, "$executeRaw"> = db()) {
  const touched = await client.$executeRaw`
    UPDATE "ImportProgress" SET "heartbeatAt" = clock_timestamp()
    WHERE id = ${id} AND outcome IS NULL AND phase NOT IN ('done', 'failed')`;
  return touched > 0;
}

/**
 * Marks failed, with `outcome` as their answer, the background imports whose heartbeat is older than
 * `staleMs` (their worker stopped: its process died, or lost the database), or only the one with this
 * id; answers their ids. Any instance may run it: each import is marked once, and never one whose
 * transaction is committing (that transaction holds the row and moves the heartbeat first).
 */
export async function failStalledImports(
  staleMs: number,
  outcome: { status: number; body: unknown },
  only?: { projectId: string; id: string },
): Promise<string[]> {
  const json = JSON.stringify(outcome);
  const rows = only
    ? await db().$queryRaw<{ id: string }[]>`
        UPDATE "ImportProgress" SET phase = 'failed', outcome = ${json}::jsonb, "updatedAt" = clock_timestamp() AT TIME ZONE 'UTC'
        WHERE id = ${only.id} AND "projectId" = ${only.projectId}
          AND outcome IS NULL AND phase NOT IN ('done', 'failed')
          AND "heartbeatAt" < clock_timestamp() - ${staleMs}::int * interval '1 millisecond'
        RETURNING id`
    : await db().$queryRaw<{ id: string }[]>`
        UPDATE "ImportProgress" SET phase = 'failed', outcome = ${json}::jsonb, "updatedAt" = clock_timestamp() AT TIME ZONE 'UTC'
        WHERE outcome IS NULL AND phase NOT IN ('done', 'failed')
          AND "heartbeatAt" < clock_timestamp() - ${staleMs}::int * interval '1 millisecond'
        RETURNING id`;
  return rows.map((r) => r.id);
}

/**
 * Marks failed, with `outcome`, an import whose job ended without an answer (or was never queued),
 * unless its worker is still beating: true when it is (now) known as failed or done.
 */
export async function failUnanswered(id: string, staleMs: number, outcome: { status: number; body: unknown }) {
  await db().$executeRaw`
    UPDATE "ImportProgress" SET phase = 'failed', outcome = ${JSON.stringify(outcome)}::jsonb, "updatedAt" = clock_timestamp() AT TIME ZONE 'UTC'
    WHERE id = ${id} AND outcome IS NULL
      AND ("heartbeatAt" IS NULL OR "heartbeatAt" < clock_timestamp() - ${staleMs}::int * interval '1 millisecond')`;
  const progress = await db().importProgress.findUnique({ where: { id }, select: { outcome: true } });
  return progress === null || progress.outcome !== null;
}

/** The stream's chunks, each counted for the reporter on its way through. */
export async function* countedBytes(
  source: AsyncIterable<Uint8Array>,
  reporter: ProgressReporter,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    reporter.bytes(chunk.byteLength);
    yield chunk;
  }
}
