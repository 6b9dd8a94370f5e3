// Push in: KoboToolbox's REST Services post each new submission (its JSON, as the data endpoint answers
// it) to a URL. A connection with push-in on has a secret (given once to its manager; only its sha256
// kept), checked in constant time; the submission is kept like a synced one and the survey rules are
// applied to the connection's submissions, queued on PostgreSQL (pg-boss), in the request on PGlite.
import "server-only";
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db, type Tx } from "@/lib/platform/db";
import { defineJob } from "@/lib/platform/jobs/queue";
import { log } from "@/lib/platform/ops/log";
import { recordAudit } from "@/lib/server/audit/record";
import { noticeFailure } from "./notices";
import { connectionOf } from "./service";
import { applySubmissions, releaseLease, submissionHash, takeLease } from "./sync";

/** A REST Service post is one submission: a few kilobytes; a large one with many repeats, well under this. */
export const PUSH_BODY_LIMIT = 1024 * 1024;

const sha256 = (text: string) => createHash("sha256").update(text).digest();

/** Turns push-in on with a new secret (the old one stops working), returned once. */
export async function enablePush(principal: Principal, projectId: string, connectionId: string): Promise<string> {
  assertCan(principal, "connections.manage", projectId);
  const connection = await connectionOf(projectId, connectionId);
  if (connection.kind !== "KOBO") throw new DomainError("validation", { detail: "Push-in is for KoboToolbox." });
  const secret = randomBytes(24).toString("base64url");
  await db().$transaction(async (tx) => {
    await tx.connection.update({
      where: { id: connection.id },
      data: { pushSecretHash: sha256(secret).toString("hex") },
    });
    // Never the secret: only that a new one was issued (the old one stops working).
    await pushAudit(tx, principal, connection, "connection.pushEnable");
  });
  return secret;
}

export async function disablePush(principal: Principal, projectId: string, connectionId: string) {
  assertCan(principal, "connections.manage", projectId);
  const connection = await connectionOf(projectId, connectionId);
  await db().$transaction(async (tx) => {
    await tx.connection.update({ where: { id: connection.id }, data: { pushSecretHash: null } });
    await pushAudit(tx, principal, connection, "connection.pushDisable");
  });
}

function pushAudit(
  tx: Tx,
  principal: Principal,
  connection: { id: string; projectId: string; name: string; pushSecretHash: string | null },
  action: "connection.pushEnable" | "connection.pushDisable",
) {
  return recordAudit(tx, {
    action,
    entityType: "Connection",
    entityId: connection.id,
    projectId: connection.projectId,
    actorUserId: principal.kind === "user" ? principal.userId : null,
    before: { name: connection.name, pushOn: connection.pushSecretHash !== null },
    after: { name: connection.name, pushOn: action === "connection.pushEnable" },
  });
}

/** The connection whose push-in secret this is; null for an unknown connection or a wrong secret alike. */
export async function pushTarget(connectionId: string, secret: string | null) {
  const connection = await db().connection.findUnique({ where: { id: connectionId } });
  const expected = Buffer.from(connection?.pushSecretHash ?? "0".repeat(64), "hex");
  const given = sha256(secret ?? "");
  const matches = timingSafeEqual(expected, given);
  return connection?.pushSecretHash && secret && matches ? connection : null;
}

/** What a REST Service posts: a submission with its `_id` (and whatever else the form asks). */
export const pushedSubmission = z.looseObject({
  _id: z.union([z.number().int(), z.string().trim().min(1).max(100)]),
  _submission_time: z.string().max(40).optional(),
  __version__: z.string().max(100).optional(),
});

const applyJob = defineJob<{ syncId: string }>("connections-apply", ({ syncId }) => applyPushed(syncId));

/** Keeps the posted submission and applies the rules (queued where there is a queue). */
export async function receivePush(
  connection: NonNullable<Awaited<ReturnType<typeof pushTarget>>>,
  record: z.output<typeof pushedSubmission>,
): Promise<{ syncId: string; queued: boolean }> {
  const externalId = String(record._id);
  const hash = submissionHash(record);
  const stored = await db().connectionSubmission.findUnique({
    where: { connectionId_externalId: { connectionId: connection.id, externalId } },
    select: { hash: true },
  });
  const seen = record._submission_time ? new Date(`${record._submission_time.replace(/Z$/, "")}Z`) : null;
  const data = {
    submittedAt: seen && !Number.isNaN(seen.getTime()) ? seen : null,
    formVersion: record.__version__ ?? null,
    data: record as Prisma.InputJsonObject,
    hash,
  };
  const run = await db().$transaction(async (tx) => {
    if (stored?.hash !== hash)
      await tx.connectionSubmission.upsert({
        where: { connectionId_externalId: { connectionId: connection.id, externalId } },
        create: { connectionId: connection.id, externalId, ...data },
        update: data,
      });
    return tx.connectionSync.create({
      data: {
        connectionId: connection.id,
        trigger: "push",
        read: stored?.hash === hash ? 0 : 1,
        since: connection.lastSeenAt,
      },
    });
  });
  const queued = await applyJob.send(randomUUID(), { syncId: run.id });
  if (!queued) await applyPushed(run.id);
  return { syncId: run.id, queued };
}

/** Applies a push-in batch as the connection's creator (who must still be allowed to sync). */
async function applyPushed(syncId: string) {
  const run = await db().connectionSync.findUnique({ where: { id: syncId }, include: { connection: true } });
  if (!run || run.status !== "RUNNING") return;
  const { connection } = run;
  const actor = connection.createdById ? await loadPrincipal(connection.createdById) : null;
  const fail = async (error: string) => {
    await db().connectionSync.update({
      where: { id: run.id },
      data: { status: "FAILED", error, finishedAt: new Date() },
    });
    // A batch that waited for a long sync is not a failure of the connection: the sync applies it.
    if (error !== "syncRunning")
      await noticeFailure(connection.id, { userId: connection.createdById, trigger: "push" });
  };
  try {
    if (!actor) return void (await fail("notAllowed"));
    assertCan(actor, "connections.sync", connection.projectId);
    assertCan(actor, "results.enter", connection.projectId);
    // Not beside a sync of the same connection: both would apply the rules to the same cells.
    const lease = await waitForLease(connection.id);
    if (!lease) return void (await fail("syncRunning"));
    try {
      await applySubmissions(
        actor,
        connection.projectId,
        await connectionOf(connection.projectId, connection.id),
        run.id,
      );
    } finally {
      await releaseLease(connection.id, lease);
    }
  } catch (error) {
    log.warn({ err: error, syncId }, "applying a pushed submission failed");
    await fail(error instanceof DomainError && error.code === "forbidden" ? "notAllowed" : "failed");
  }
}

/**
 * Takes the connection's lease, waiting while a sync holds it (up to `patience`). A push-in that could
 * not take it stays kept: the next sync applies every kept submission.
 */
async function waitForLease(connectionId: string, patience = 60_000, step = 1_000): Promise<Date | null> {
  for (let waited = 0; ; waited += step) {
    const lease = await takeLease(connectionId);
    if (lease) return lease;
    if (waited >= patience) return null;
    await new Promise((resolve) => setTimeout(resolve, step));
  }
}
