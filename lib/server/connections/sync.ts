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

/** What tells an edited submission from one read again: a sync and a push-in must hash alike. */
export const submissionHash = (record: unknown) => createHash("sha256").update(JSON.stringify(record)).digest("hex");
/**
 * How far before a run's start the next run asks again: a submission edited or validated while a run
 * pages (it moves to an earlier page, shifting the rest) or the server's clock a little behind ours is
 * still read next time. Reading one again changes nothing (its hash is the same).
 */
export const RESUME_MARGIN_MS = 5 * 60_000;
/** Runs that are never resumed: the connection now points at another form, or a sync took the lease over. */
const notResumed = ["superseded", "leaseLost"];

/** The run lost its lease (it ran past LEASE_MS and another run took it): it stops, not counted as a failure. */
class LeaseLost extends Error {}

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
  const lease = { token: await takeLease(connection.id, now) };
  if (!lease.token) throw new DomainError("conflict", { detail: "A sync of this connection is running." });
  try {
    // A run that did not finish (a crash, a server that kept failing) is resumed: same question, next page.
    const last = await db().connectionSync.findFirst({
      where: { connectionId: connection.id, trigger: { not: "push" } },
      orderBy: { startedAt: "desc" },
    });
    const resume = last && last.status !== "DONE" && !notResumed.includes(last.error ?? "") ? last : null;
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
      return await runSync(principal, projectId, connection, run, options, lease);
    } catch (error) {
      const reason =
        error instanceof RemoteRefused ? error.reason : error instanceof LeaseLost ? "leaseLost" : "failed";
      // Only a refusal of the credentials changes the connection's state: a server down or busy says
      // nothing about them, so a broken connection stays broken (and unscheduled) until one works.
      if (error instanceof RemoteRefused && error.breaks) await markConnection(connection.id, error);
      const failed = await db().connectionSync.update({
        where: { id: run.id },
        data: { status: "FAILED", error: reason, finishedAt: new Date() },
      });
      if (!(error instanceof LeaseLost)) await noticeFailure(connection.id, run);
      return failed;
    }
  } finally {
    await releaseLease(connection.id, lease.token);
  }
}

/**
 * Holds the connection for one run (a sync, or applying a push-in): two runs never apply the rules to
 * the same cells at once. Null when another run holds it; a crashed run's hold lapses after LEASE_MS.
 * The hold's end (to the millisecond, with a random part) is its holder's token: only the holder renews
 * or releases it, so a run that outlived its lease never releases the next run's.
 */
export async function takeLease(connectionId: string, now = new Date()): Promise<Date | null> {
  const token = leaseEnd(now);
  const leased = await db().connection.updateMany({
    where: { id: connectionId, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: token },
  });
  return leased.count > 0 ? token : null;
}

const leaseEnd = (now: Date) => new Date(now.getTime() + LEASE_MS + Math.floor(Math.random() * 1000));

/** Extends the holder's lease from now; null when it is no longer theirs (it lapsed and was taken). */
export async function renewLease(connectionId: string, token: Date): Promise<Date | null> {
  const next = leaseEnd(new Date());
  const renewed = await db().connection.updateMany({
    where: { id: connectionId, lockedUntil: token },
    data: { lockedUntil: next },
  });
  return renewed.count > 0 ? next : null;
}

export async function releaseLease(connectionId: string, token: Date | null) {
  if (!token) return;
  await db().connection.updateMany({ where: { id: connectionId, lockedUntil: token }, data: { lockedUntil: null } });
}

/**
 * Where the next pull asks from: the newest submission this run read, but not later than a margin
 * before the start of its first run (a resumed run goes on with the question its first run asked). So
 * whatever was edited or validated while the run paged is read again next time, and so is one received
 * in the same (whole) second as the newest read but after that read: the servers compare with "after".
 */
async function nextSince(connectionId: string, run: ConnectionSync, watermark: Date | null) {
  if (!watermark) return null;
  const ended = await db().connectionSync.findFirst({
    where: {
      connectionId,
      trigger: { not: "push" },
      startedAt: { lt: run.startedAt },
      OR: [{ status: "DONE" }, { error: { in: notResumed } }],
    },
    orderBy: { startedAt: "desc" },
    select: { startedAt: true },
  });
  const first = await db().connectionSync.findFirst({
    where: { connectionId, trigger: { not: "push" }, ...(ended ? { startedAt: { gt: ended.startedAt } } : {}) },
    orderBy: { startedAt: "asc" },
    select: { startedAt: true },
  });
  const started = Math.min((first ?? run).startedAt.getTime(), run.startedAt.getTime());
  return new Date(Math.min(watermark.getTime(), started - RESUME_MARGIN_MS));
}

async function runSync(
  principal: Principal,
  projectId: string,
  connection: Awaited<ReturnType<typeof connectionOf>>,
  run: ConnectionSync,
  options: SyncOptions,
  lease: { token: Date | null },
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
    const changed = fresh.filter((s) => hashes.get(s.externalId) !== submissionHash(s.record));
    offset += page.submissions.length;
    await db().$transaction(async (tx) => {
      for (const s of changed) {
        const data = {
          submittedAt: s.seenAt,
          formVersion: s.version,
          data: s.record as Prisma.InputJsonObject,
          hash: submissionHash(s.record),
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
    // A page can take minutes (timeouts, retries): the lease is renewed after each, and a run whose lease
    // lapsed and was taken by another stops here rather than apply the rules beside it.
    lease.token = lease.token && (await renewLease(connection.id, lease.token));
    if (!lease.token) throw new LeaseLost();
    if (!page.more || page.submissions.length === 0) break;
  }
  return applySubmissions(principal, projectId, connection, run.id, await nextSince(connection.id, run, watermark));
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
    // Only a pull reached the server: it works again, and the failure episode, if any, is over (the
    // next failure is told anew). A push-in batch never asked the server, so a broken connection stays
    // broken (and the schedule leaves it alone) however many submissions its REST Service posts.
    if (pulledUpTo !== undefined)
      await db().connection.update({
        where: { id: connection.id },
        data: {
          lastSeenAt: pulledUpTo,
          status: "OK",
          brokenReason: null,
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
