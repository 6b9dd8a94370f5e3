// Results imports as background jobs (PostgreSQL): the upload is kept in the database, a job is queued,
// and any app instance's worker imports it (all or nothing, in one transaction, as in a request) while
// the page follows its progress; the answer the upload would have given is kept with that progress.
// The caller does not wait on one long request, and an import goes on if the browser goes away. On
// the embedded database there is no queue and the import runs in its request.
import "server-only";
import { ApiProblem, problemBody, problemOf } from "@/lib/api/problem";
import { importResultsProblems } from "@/lib/api/results-import";
import { loadPrincipal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { bytesOf } from "@/lib/imports/table-rows";
import { defineJob, jobQueue } from "@/lib/jobs/queue";
import { log } from "@/lib/ops/log";
import { assertCan, type Principal, requireUserId } from "@/lib/permissions";
import { uploadLimits } from "@/lib/upload-limits";
import type { TableFormat } from "./import-file";
import type { ImportMapping } from "./import-mapping";
import { progressOf, progressReporter, recordOutcome } from "./import-progress";

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
    throw new ApiProblem("payloadTooLarge", `The body is larger than ${limit} bytes`, [
      { field: "body", message: "tooLarge" },
    ]);
  await progressReporter(principal, projectId, id, content.byteLength, "queued");
  await db()
    .importUpload.create({ data: { id, projectId, userId, format, options, content: Buffer.from(content) } })
    .catch((error) => {
      if ((error as { code?: string }).code === "P2002")
        throw new ApiProblem("conflict", "An import with this progress id is already queued");
      throw error;
    });
  if (await resultsImportJob.send(id, { uploadId: id })) return true;
  await db().importUpload.delete({ where: { id } });
  return false;
}

async function runImport(uploadId: string) {
  const upload = await db().importUpload.findUnique({ where: { id: uploadId } });
  if (!upload) return; // already imported (a job sent twice) or its project deleted
  const { projectId } = upload;
  // The user's rights as they are now, not as they were when the file was sent.
  const principal = await loadPrincipal(upload.userId);
  const progress = progressOf(projectId, uploadId, "reading");
  const outcome = await (async () => {
    if (!principal) throw new ApiProblem("forbidden", "The user who sent this file no longer exists");
    const preview = await importResultsProblems(principal, projectId, {
      ...(upload.options as Options),
      format: upload.format as TableFormat,
      source: bytesOf(new Uint8Array(upload.content)),
      progress,
    });
    return { status: 200, body: preview as unknown };
  })().catch((error) => {
    const problem = problemOf(error);
    if (!problem) log.error({ err: error, uploadId, projectId }, "background results import failed");
    return problemBody(problem ?? new ApiProblem("internal"));
  });
  await recordOutcome(projectId, uploadId, outcome, outcome.status === 200 || outcome.status === 400);
  await db().importUpload.deleteMany({ where: { id: uploadId } });
}

/**
 * The answer of a background import whose job ended without giving one (its process stopped mid-way and
 * the job expired): its transaction was rolled back, so nothing was saved. Null while it may still run.
 */
export async function brokenImportOutcome(id: string) {
  if (!(await resultsImportJob.broke(id))) return null;
  return problemBody(new ApiProblem("internal", "The import stopped before it finished: nothing was saved"));
}

/** Starts this process's worker for background imports (at boot); nothing on the embedded database. */
export async function startImportWorker(): Promise<void> {
  await jobQueue();
}

/** Whether imports can run in the background here (a job queue on PostgreSQL). */
export async function backgroundImports(): Promise<boolean> {
  return (await jobQueue()) !== null;
}
