// Results imports as background jobs (PostgreSQL): the upload is kept in the database, a job is queued,
// and any app instance's worker imports it (all or nothing, in one transaction, as in a request) while
// the page follows its progress; the answer the upload would have given is kept with that progress.
// The caller does not wait on one long request, and an import goes on if the browser goes away. On
// the embedded database there is no queue and the import runs in its request.
import "server-only";
import { DomainError, problemDetails } from "@/lib/domain/errors";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import type { ImportMapping } from "@/lib/domain/results/import-mapping";
import { bytesOf } from "@/lib/formats/read/table-rows";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { defineJob, jobQueue } from "@/lib/platform/jobs/queue";
import { log } from "@/lib/platform/ops/log";
import { uploadLimits } from "@/lib/platform/upload-limits";
import { importResultsOrRefuse, type TableFormat } from "./file";
import {
  failStalledImports,
  failUnanswered,
  type ProgressReporter,
  progressOf,
  progressReporter,
  recordOutcome,
  touchHeartbeat,
} from "./progress";

type Options = { mapping: ImportMapping; dryRun: boolean; submit: boolean };

const resultsImportJob = defineJob<{ uploadId: string }>("results-import", ({ uploadId }) => runImport(uploadId));

/**
 * Keeps the file and queues its import; false when there is no queue (the embedded database), and the
 * caller imports it in the request. The file comes whole, within the upload's size limit.
 */
export async function queueResultsImport(
  principal: Principal,
  projectId: string,
  input: Options & { format: TableFormat; content: Uint8Array; progressId: string },
): Promise<boolean> {
  assertCan(principal, "results.enter", projectId);
  const userId = requireUserId(principal);
  const { format, content, progressId: id, ...options } = input;
  const limit = uploadLimits().upload;
  if (content.byteLength > limit)
    throw new DomainError("tooLarge", {
      detail: `The body is larger than ${limit} bytes`,
      fields: [{ field: "body", code: "tooLarge" }],
    });
  await progressReporter(principal, projectId, id, content.byteLength, "queued");
  await db()
    .importUpload.create({ data: { id, projectId, userId, format, options, content: Buffer.from(content) } })
    .catch((error) => {
      if ((error as { code?: string }).code === "P2002")
        throw new DomainError("conflict", { detail: "An import with this progress id is already queued" });
      throw error;
    });
  if (await resultsImportJob.send(id, { uploadId: id })) return true;
  await db().importUpload.delete({ where: { id } });
  return false;
}

/** A worker silent for this many heartbeats stopped mid-way: its import is marked failed. */
const STALE_BEATS = 8;
const beatMs = () => env().IMPORT_HEARTBEAT_MS;
const staleMs = () => beatMs() * STALE_BEATS;

/**
 * The answer of a background import cut short (its server stopped mid-way: killed, out of memory, the
 * machine gone): its transaction was rolled back, so nothing was saved, and the file is to be sent again.
 * `errors` carries a stable code the page translates.
 */
function interruptedProblem() {
  return new DomainError("internal", {
    detail: "The server stopped while importing: nothing was saved. Send the file again.",
    fields: [{ field: "job", code: "interrupted" }],
  });
}

export function interruptedOutcome() {
  return problemDetails(interruptedProblem());
}

async function runImport(uploadId: string) {
  // Taking up the job starts its heartbeat, unless it was given up meanwhile (then only its file goes).
  if (!(await touchHeartbeat(uploadId))) {
    await db().importUpload.deleteMany({ where: { id: uploadId } });
    return;
  }
  const heartbeat = setInterval(() => {
    touchHeartbeat(uploadId).catch(() => undefined); // a missed beat is made up by the next ones
  }, beatMs());
  try {
    await importUpload(uploadId);
  } finally {
    clearInterval(heartbeat);
    await db().importUpload.deleteMany({ where: { id: uploadId } });
  }
}

async function importUpload(uploadId: string) {
  const upload = await db().importUpload.findUnique({ where: { id: uploadId } });
  if (!upload) {
    // Its file was deleted before the job ran (a sweep of files whose job seemed lost): nothing to import.
    const progress = await db().importProgress.findUnique({ where: { id: uploadId }, select: { projectId: true } });
    if (progress) await recordOutcome(progress.projectId, uploadId, interruptedOutcome(), false);
    return;
  }
  const { projectId } = upload;
  // The user's rights as they are now, not as they were when the file was sent.
  const principal = await loadPrincipal(upload.userId);
  const progress: ProgressReporter = {
    ...progressOf(projectId, uploadId, "reading"),
    async fence(tx) {
      if (!(await touchHeartbeat(uploadId, tx))) throw interruptedProblem();
    },
  };
  const outcome = await (async () => {
    if (!principal) throw new DomainError("forbidden", { detail: "The user who sent this file no longer exists" });
    const preview = await importResultsOrRefuse(principal, projectId, {
      ...(upload.options as Options),
      format: upload.format as TableFormat,
      source: bytesOf(new Uint8Array(upload.content)),
      progress,
    });
    return { status: 200, body: preview as unknown };
  })().catch((error) => {
    if (error instanceof DomainError) return problemDetails(error);
    log.error({ err: error, uploadId, projectId }, "background results import failed");
    return problemDetails(new DomainError("internal"));
  });
  await recordOutcome(projectId, uploadId, outcome, outcome.status === 200 || outcome.status === 400);
}

/**
 * Gives up the background imports whose worker went silent (no heartbeat for STALE_BEATS beats): each
 * is marked failed with the interrupted answer, failed in the queue, and its file deleted. With `only`,
 * that one import (its progress being asked for); without, every one, and also every kept file whose
 * job is no longer waiting or running (never queued, or ended without a word). Any instance may sweep,
 * on its timer or when progress is asked for. Answers the imports it gave up or whose file it deleted.
 */
export async function sweepImports(only?: { projectId: string; id: string }): Promise<string[]> {
  const outcome = interruptedOutcome();
  const stalled = await failStalledImports(staleMs(), outcome, only);
  for (const id of stalled) {
    await resultsImportJob
      .fail(id, "its worker stopped (no heartbeat)")
      .catch((error) => log.warn({ err: error, id }, "a stalled import's job could not be failed"));
  }
  if (stalled.length) await db().importUpload.deleteMany({ where: { id: { in: stalled } } });
  if (only) return stalled;
  const kept = await db().importUpload.findMany({
    where: { createdAt: { lt: new Date(Date.now() - staleMs()) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  for (const { id } of kept) {
    if (await resultsImportJob.pending(id)) continue;
    // Its job ended (or never was): the answer, if still missing, is that it was interrupted.
    if (await failUnanswered(id, staleMs(), outcome)) {
      await db().importUpload.deleteMany({ where: { id } });
      stalled.push(id);
    }
  }
  return stalled;
}

/**
 * The answer of a background import whose worker stopped before giving one, marked as such (its file
 * deleted, its job failed): its worker went silent, or its job ended without running (cancelled, or
 * expired after a stop before the import began). Null while it may still run.
 */
export async function brokenImportOutcome(projectId: string, id: string, heartbeatAt: Date | null) {
  const given = heartbeatAt
    ? (await sweepImports({ projectId, id })).length > 0
    : (await resultsImportJob.broke(id)) && (await failUnanswered(id, staleMs(), interruptedOutcome()));
  if (!given) return null;
  await db().importUpload.deleteMany({ where: { id } });
  const progress = await db().importProgress.findUnique({ where: { id }, select: { outcome: true } });
  return (progress?.outcome ?? interruptedOutcome()) as { status: number; body: unknown };
}

const holder = globalThis as unknown as { importSweeper?: NodeJS.Timeout };

/**
 * Starts this process's worker for background imports (at boot), and its sweeper of imports whose
 * worker stopped (any instance's); nothing on the embedded database.
 */
export async function startImportWorker(): Promise<void> {
  if (!(await jobQueue())) return;
  holder.importSweeper ??= setInterval(() => {
    sweepImports().catch((error) => log.warn({ err: error }, "sweeping stopped imports failed"));
  }, 2 * beatMs()).unref(); // a dead worker's import is given up at most 10 s past its 40 s of silence
}

/** Whether imports can run in the background here (a job queue on PostgreSQL). */
export async function backgroundImports(): Promise<boolean> {
  return (await jobQueue()) !== null;
}
