// A connection's sync: pages of submissions after the last one seen are read and kept (each page with
// the run's cursor in one transaction, so a crash resumes at the next page and a page read again
// replaces its submissions rather than adding them), then the project's saved survey rules are applied
// to all the connection's submissions like a survey export (lib/server/survey/survey-import.ts): only the
// values that differ from those saved are previewed and saved, as drafts or submitted for review as the
// connection says, never approved. A refusal of the credentials marks the connection broken; a failure
// that breaks it or repeats is told once (./notices.ts).
import "server-only";
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal } from "@/lib/domain/permissions";
import { ruleColumns, surveyFileOfSubmissions, versionDrift } from "@/lib/domain/survey/submissions";
import type { ConnectionSync, Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { importSurvey, savedSurveyRules } from "@/lib/server/survey/survey-import";
import { noticeFailure } from "./notices";
import { defaultRemote, type RemoteOptions, RemoteRefused } from "./remote";
import { connectionOf, markConnection, serverOf } from "./service";

export const PAGE_SIZE = 1000;
/** A sync holds its connection this long at most; a crashed one's hold then lapses. */
const LEASE_MS = 15 * 60_000;

export type SyncOptions = { trigger: "manual" | "schedule" | "push"; remote?: RemoteOptions; pageSize?: number };

const hashOf = (record: unknown) => createHash("sha256").update(JSON.stringify(record)).digest("hex");

/** Runs a sync of the connection for the principal (who must be allowed to sync), and returns its record. */
export async function syncConnection(
  principal: Principal,
  projectId: string,
  connectionId: string,
  options: SyncOptions,
): Promise<ConnectionSync> {
  assertCan(principal, "connections.sync", projectId);
  assertCan(principal, "results.enter", projectId);
  const connection = await connectionOf(projectId, connectionId);
  const now = new Date();
  if (!(await takeLease(connection.id, now)))
    throw new DomainError("conflict", { detail: "A sync of this connection is running." });
  try {
    // A run that did not finish (a crash, a server that kept failing) is resumed: same question, next page.
    const last = await db().connectionSync.findFirst({
      where: { connectionId: connection.id, trigger: { not: "push" } },
      orderBy: { startedAt: "desc" },
    });
    const resume = last && last.status !== "DONE" ? last : null;
    if (resume?.status === "RUNNING")
      await db().connectionSync.update({
        where: { id: resume.id },
        data: { status: "FAILED", error: "interrupted", finishedAt: now },
      });
    const run = await db().connectionSync.create({
      data: {
        connectionId: connection.id,
        trigger: options.trigger,
        userId: principal.kind === "user" ? principal.userId : null,
        since: resume ? resume.since : connection.lastSeenAt,
        nextOffset: resume ? resume.nextOffset : 0,
      },
    });
    try {
      return await runSync(principal, projectId, connection, run, options);
    } catch (error) {
      const reason = error instanceof RemoteRefused ? error.reason : "failed";
      if (error instanceof RemoteRefused) await markConnection(connection.id, error);
      const failed = await db().connectionSync.update({
        where: { id: run.id },
        data: { status: "FAILED", error: reason, finishedAt: new Date() },
      });
      await noticeFailure(connection.id, run);
      return failed;
    }
  } finally {
    await releaseLease(connection.id);
  }
}

/**
 * Holds the connection for one run (a sync, or applying a push-in): two runs never apply the rules to
 * the same cells at once. False when another run holds it; a crashed run's hold lapses after LEASE_MS.
 */
export async function takeLease(connectionId: string, now = new Date()): Promise<boolean> {
  const leased = await db().connection.updateMany({
    where: { id: connectionId, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return leased.count > 0;
}

export async function releaseLease(connectionId: string) {
  await db().connection.update({ where: { id: connectionId }, data: { lockedUntil: null } });
}

async function runSync(
  principal: Principal,
  projectId: string,
  connection: Awaited<ReturnType<typeof connectionOf>>,
  run: ConnectionSync,
  options: SyncOptions,
): Promise<ConnectionSync> {
  const server = serverOf(connection, options.remote ?? defaultRemote);
  const limit = options.pageSize ?? PAGE_SIZE;
  let offset = run.nextOffset;
  // The next pull asks from here: the newest submission this run read (pushed ones never move it, so a
  // submission the REST Service missed is still pulled). Pages a crashed run read before are not counted:
  // a lower mark only reads some submissions again, which changes nothing.
  let watermark = run.since;
  const seen = new Set<string>();
  for (;;) {
    const page = await server.page(run.since, offset, limit);
    // The same submission twice (pages that shifted under a new one) is kept once.
    const fresh = page.submissions.filter((s) => !seen.has(s.externalId));
    for (const s of fresh) seen.add(s.externalId);
    for (const s of page.submissions) if (s.seenAt && (!watermark || s.seenAt > watermark)) watermark = s.seenAt;
    const stored = await db().connectionSubmission.findMany({
      where: { connectionId: connection.id, externalId: { in: fresh.map((s) => s.externalId) } },
      select: { externalId: true, hash: true },
    });
    const hashes = new Map(stored.map((s) => [s.externalId, s.hash]));
    const changed = fresh.filter((s) => hashes.get(s.externalId) !== hashOf(s.record));
    offset += page.submissions.length;
    await db().$transaction(async (tx) => {
      for (const s of changed) {
        const data = {
          submittedAt: s.seenAt,
          formVersion: s.version,
          data: s.record as Prisma.InputJsonObject,
          hash: hashOf(s.record),
        };
        await tx.connectionSubmission.upsert({
          where: { connectionId_externalId: { connectionId: connection.id, externalId: s.externalId } },
          create: { connectionId: connection.id, externalId: s.externalId, ...data },
          update: data,
        });
      }
      await tx.connectionSync.update({
        where: { id: run.id },
        data: { nextOffset: offset, read: { increment: changed.length } },
      });
    });
    if (!page.more || page.submissions.length === 0) break;
  }
  return applySubmissions(principal, projectId, connection, run.id, watermark);
}

/**
 * Applies the saved survey rules to every submission the connection holds, and finishes the run (a
 * sync's, or a push-in batch's). Running it twice changes nothing the second time. A pull gives the
 * newest submission it read (`pulledUpTo`), from which the next pull asks; a push-in leaves that mark.
 */
export async function applySubmissions(
  principal: Principal,
  projectId: string,
  connection: Awaited<ReturnType<typeof connectionOf>>,
  runId: string,
  pulledUpTo?: Date | null,
): Promise<ConnectionSync> {
  const submissions = await db().connectionSubmission.findMany({
    where: { connectionId: connection.id },
    orderBy: [{ submittedAt: "asc" }, { externalId: "asc" }],
  });
  const finish = async (data: Prisma.ConnectionSyncUpdateInput) => {
    await db().connection.update({
      where: { id: connection.id },
      data: {
        ...(pulledUpTo === undefined ? {} : { lastSeenAt: pulledUpTo }),
        status: "OK",
        brokenReason: null,
        // It works again: the failure episode, if any, is over; the next failure is told anew.
        failureNoticeAt: null,
        failureNoticeUserId: null,
      },
    });
    return db().connectionSync.update({
      where: { id: runId },
      data: { status: "DONE", finishedAt: new Date(), ...data },
    });
  };
  const rules = await savedSurveyRules(principal, projectId);
  if (!rules) return finish({ problems: [{ code: "noRules" }] });
  const records = submissions.map((s) => s.data as Record<string, unknown>);
  const drift = versionDrift(
    submissions.map((s, i) => ({ version: s.formVersion, record: records[i] ?? {} })),
    ruleColumns(rules),
  );
  const preview = await importSurvey(principal, projectId, surveyFileOfSubmissions(records, connection.name), {
    fileName: `${connection.name} (${connection.kind === "KOBO" ? "KoboToolbox" : "ODK Central"})`,
    rules,
    dryRun: false,
    submit: connection.submit,
    onlyChanged: true,
  });
  const problems = [
    ...drift.map((d) => ({ code: "renamedInVersion", column: d.column, detail: d.missingIn.join(", ") })),
    ...preview.problems,
  ];
  return finish({
    changed: preview.values.length,
    applied: preview.imported,
    preview: {
      submissions: preview.submissions,
      statuses: preview.statuses,
      counted: preview.counted,
      values: preview.values.slice(0, 200),
      leftOutByReason: preview.leftOutByReason,
      problemCount: preview.problemCount,
      submitted: connection.submit,
    } as Prisma.InputJsonObject,
    problems: problems.slice(0, 200) as Prisma.InputJsonArray,
  });
}

/** The connection's latest syncs, newest first. */
export async function syncHistory(principal: Principal, projectId: string, connectionId: string, take = 20) {
  assertCan(principal, "connections.sync", projectId);
  return db().connectionSync.findMany({
    where: { connectionId, connection: { projectId } },
    orderBy: { startedAt: "desc" },
    take,
  });
}
