// What a connection keeps between runs, from the review of #35: the credentials stay with their server,
// only a pull that reached the server ends a failure episode, a server down does not mend a broken
// connection, another form starts afresh, the next pull does not skip what was edited while a run paged,
// and the lease is released only by its holder.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { stopJobQueue } from "@/lib/platform/jobs/queue";
import { type FakeServer, fakeKobo } from "@/lib/testing/fake-survey-servers";
import { principalFor, projectId } from "@/lib/testing/principals";
import { captureMail } from "@/lib/testing/smtp-capture";
import { noticeFailure } from "./notices";
import { disablePush, enablePush, pushTarget, receivePush } from "./push";
import type { RemoteOptions } from "./remote";
import { runScheduledSyncs } from "./schedule";
import { createConnection, deleteConnection, testConnection, updateConnection } from "./service";
import { releaseLease, syncConnection, takeLease } from "./sync";

type Row = Record<string, unknown>;
let manager: UserPrincipal;
let evaluator: UserPrincipal;
let peru: string;
let mail: Awaited<ReturnType<typeof captureMail>>;
const servers: FakeServer[] = [];
/** Called after each answer the test servers give (to change a server's data between two pages). */
let afterAnswer: ((url: string) => Promise<void> | void) | null = null;
const remote: RemoteOptions = {
  fetch: async (...args) => {
    const answer = await fetch(...args);
    await afterAnswer?.(String(args[0]));
    return answer;
  },
  sleep: async () => undefined,
  timeoutMs: 5_000,
  retries: 0,
  backoffMs: 1,
  maxWaitMs: 1,
};
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const row = (id: number, at: number, extra: Row = {}): Row => ({
  _id: id,
  today: "2021-05-08",
  answer: `first ${id}`,
  _submission_time: iso(at),
  _validation_status: {},
  ...extra,
});

async function kobo(assetUid: string, submissions: Row[], token = "good-token") {
  const server = await fakeKobo({ assetUid, token, name: `Survey ${assetUid}`, submissions });
  servers.push(server);
  return server;
}

const koboConnection = (server: FakeServer, assetUid: string, extra: Row = {}) =>
  createConnection(manager, peru, {
    name: `Connection ${assetUid}`,
    kind: "KOBO",
    serverUrl: server.url,
    assetUid,
    token: "good-token",
    ...extra,
  });

beforeAll(async () => {
  manager = await principalFor("manager@example.org");
  evaluator = await principalFor("evaluator@example.org");
  peru = await projectId("PE-VEN-2021");
  mail = await captureMail();
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await mail?.close();
  await stopJobQueue();
});

test("an edit pointing a connection at another server needs its credentials typed again; nothing goes to that server", async () => {
  const first = await kobo("aCredentials", []);
  const other = await kobo("aCredentials", []);
  const c = await koboConnection(first, "aCredentials");
  const sealed = (await db().connection.findUniqueOrThrow({ where: { id: c.id } })).secret;
  const edit = { version: 1, name: c.name, kind: "KOBO", serverUrl: other.url, assetUid: "aCredentials" };
  await expect(updateConnection(manager, peru, c.id, edit)).rejects.toMatchObject({
    code: "validation",
    fields: [{ field: "body.token", code: "credentialsRequired" }],
  });
  // Unchanged: a test and a sync still ask the first server; the other one was never asked anything.
  expect(await db().connection.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
    serverUrl: first.url,
    secret: sealed,
    version: 1,
  });
  expect(await testConnection(evaluator, peru, c.id, remote)).toMatchObject({ ok: true });
  expect(await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote })).toMatchObject({ status: "DONE" });
  expect(other.requests).toHaveLength(0);
  // With the token typed again the edit is saved (and an ODK Central one names its password field).
  expect(await updateConnection(manager, peru, c.id, { ...edit, token: "good-token" })).toMatchObject({
    serverUrl: other.url,
    version: 2,
  });
  const odk = await createConnection(manager, peru, {
    name: "Central",
    kind: "ODK_CENTRAL",
    serverUrl: "https://central.example.org",
    odkProject: 1,
    odkForm: "household",
    email: "me@example.org",
    password: "secret",
  });
  const moved = { version: 1, name: "Central", kind: "ODK_CENTRAL", odkProject: 1, odkForm: "household" };
  await expect(
    updateConnection(manager, peru, odk.id, { ...moved, serverUrl: "https://elsewhere.example.org" }),
  ).rejects.toMatchObject({ fields: [{ field: "body.password", code: "credentialsRequired" }] });
  // Another path on the same server keeps them.
  expect(
    await updateConnection(manager, peru, odk.id, { ...moved, serverUrl: "https://central.example.org/central" }),
  ).toMatchObject({ version: 2 });
  await deleteConnection(manager, peru, odk.id);
  await deleteConnection(manager, peru, c.id);
});

test("a push-in never mends a broken connection: told once, and the schedule leaves it alone", async () => {
  const server = await kobo("aPushed", [row(1, Date.now() - 86_400_000)], "the-new-token");
  const c = await koboConnection(server, "aPushed", { token: "a-revoked-token", scheduled: true });
  const mailsTo = (address: string) => mail.to(address).filter((m) => m.text.includes(c.name));
  expect(await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote })).toMatchObject({
    error: "unauthorized",
  });
  expect(mailsTo("manager@example.org")).toHaveLength(1);

  const secret = await enablePush(manager, peru, c.id);
  const target = await pushTarget(c.id, secret);
  if (!target) throw new Error("push-in secret refused");
  const { syncId } = await receivePush(target, { _id: 2, _submission_time: iso(Date.now()) });
  // On PostgreSQL the batch is applied by the job queue.
  for (let i = 0; i < 100; i++) {
    if ((await db().connectionSync.findUniqueOrThrow({ where: { id: syncId } })).status !== "RUNNING") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await db().connectionSync.findUniqueOrThrow({ where: { id: syncId } })).toMatchObject({ status: "DONE" });
  expect(await db().connection.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
    status: "BROKEN",
    brokenReason: "unauthorized",
    failureNoticeAt: expect.any(Date),
  });

  const requests = server.requests.length;
  await runScheduledSyncs(remote);
  expect(server.requests.length).toBe(requests);
  expect(mailsTo("manager@example.org")).toHaveLength(1);
  expect(mailsTo("evaluator@example.org")).toHaveLength(1);
  await disablePush(manager, peru, c.id);
});

test("a server down or busy does not mend a broken connection", async () => {
  const server = await kobo("aBusy", [], "the-new-token");
  const c = await koboConnection(server, "aBusy", { token: "a-revoked-token" });
  await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote });
  server.fail = [{ status: 503 }];
  expect(await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote })).toMatchObject({
    status: "FAILED",
    error: "busy",
  });
  expect(await db().connection.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
    status: "BROKEN",
    brokenReason: "unauthorized",
  });
  expect(await testConnection(manager, peru, c.id, remote)).toEqual({ ok: false, reason: "unauthorized" });
  server.fail = [{ status: 503 }];
  expect(await testConnection(manager, peru, c.id, remote)).toEqual({ ok: false, reason: "busy" });
  expect(await db().connection.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "BROKEN" });
});

test("pointed at another form, a connection forgets the old one: its mark, its submissions, its unfinished run", async () => {
  const old = Date.now() - 86_400_000;
  const first = await kobo("aFirstForm", [row(1, old), row(2, old), row(3, old)]);
  const second = await kobo("aSecondForm", [row(10, old - 86_400_000), row(11, old - 86_400_000)]);
  const c = await koboConnection(first, "aFirstForm");
  expect(await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote })).toMatchObject({ read: 3 });
  // A run that stopped half-way (the server down at its second page) would be resumed there.
  first.failAtOffset = 1;
  await db().connection.update({ where: { id: c.id }, data: { lastSeenAt: null } });
  const stopped = await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote, pageSize: 1 });
  expect(stopped).toMatchObject({ status: "FAILED", nextOffset: 1 });
  await db().connection.update({ where: { id: c.id }, data: { lastSeenAt: new Date(old) } });

  const retarget = {
    version: 1,
    name: c.name,
    kind: "KOBO",
    serverUrl: second.url,
    assetUid: "aSecondForm",
    token: "good-token",
  };
  // Not while a sync holds the connection: its run of the old form would go on saving after the reset.
  const lease = await takeLease(c.id);
  expect(lease).not.toBeNull();
  await expect(updateConnection(manager, peru, c.id, retarget)).rejects.toMatchObject({ code: "conflict" });
  expect(await db().connectionSubmission.count({ where: { connectionId: c.id } })).toBe(3);
  await releaseLease(c.id, lease);

  await updateConnection(manager, peru, c.id, retarget);
  expect(await db().connection.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ lastSeenAt: null });
  expect(await db().connectionSubmission.count({ where: { connectionId: c.id } })).toBe(0);
  expect(await db().connectionSync.findUniqueOrThrow({ where: { id: stopped.id } })).toMatchObject({
    status: "FAILED",
    error: "superseded",
  });

  const fresh = await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote });
  // Read from the start, with no since (the new form's submissions are older than the old form's mark).
  expect(fresh).toMatchObject({ status: "DONE", since: null, read: 2 });
  expect(second.requests.filter((r) => r.pathname.endsWith("/data/")).map((r) => r.searchParams.get("start"))).toEqual([
    "0",
  ]);
  const kept = await db().connectionSubmission.findMany({
    where: { connectionId: c.id },
    orderBy: { externalId: "asc" },
  });
  expect(kept.map((s) => s.externalId)).toEqual(["10", "11"]);
});

test("a submission edited while a run pages (it moves to an earlier page) is read by the next run", async () => {
  const before = Date.now() - 2 * 86_400_000;
  const submissions = [1, 2, 3, 4].map((id) => row(id, before));
  const server = await kobo("aShifting", submissions);
  const c = await koboConnection(server, "aShifting");
  expect(await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote, pageSize: 2 })).toMatchObject({
    read: 4,
  });
  for (const id of [5, 6, 7]) submissions.push(row(id, Date.now() - 3_600_000));
  // After the first page: household 2 is edited (it now matches, before the page read next), and a new
  // submission comes in after that edit.
  afterAnswer = (url) => {
    if (!url.includes("/data/")) return;
    afterAnswer = null;
    Object.assign(submissions[1] ?? {}, { answer: "edited 2", _last_edited: iso(Date.now()) });
    submissions.push(row(8, Date.now() + 2_000));
  };
  const paged = await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote, pageSize: 2 });
  expect(paged).toMatchObject({ status: "DONE" });
  const stored = () =>
    db().connectionSubmission.findUniqueOrThrow({
      where: { connectionId_externalId: { connectionId: c.id, externalId: "2" } },
    });
  // This run could not see it: it shifted the pages behind its offset.
  expect((await stored()).data).toMatchObject({ answer: "first 2" });

  const next = await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote, pageSize: 2 });
  expect(next).toMatchObject({ status: "DONE" });
  expect((await stored()).data).toMatchObject({ answer: "edited 2" });
});

test("a sync whose lease lapsed and was taken stops, and leaves the new holder's lease alone", async () => {
  const server = await kobo(
    "aLease",
    [1, 2, 3].map((id) => row(id, Date.now() - 86_400_000)),
  );
  const c = await koboConnection(server, "aLease");
  let taken: Date | null = null;
  afterAnswer = async (url) => {
    if (!url.includes("/data/")) return;
    afterAnswer = null;
    // The first run outlives its lease on its first page (15 minutes of retries, say), and another takes it.
    await db().connection.update({ where: { id: c.id }, data: { lockedUntil: new Date(0) } });
    taken = await takeLease(c.id);
  };
  const first = await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote, pageSize: 1 });
  expect(taken).toBeInstanceOf(Date);
  expect(first).toMatchObject({ status: "FAILED", error: "leaseLost", nextOffset: 1 });
  expect(await db().connection.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
    lockedUntil: taken,
    failureNoticeAt: null,
  });
  // The new holder's lease still keeps other runs out.
  await expect(syncConnection(evaluator, peru, c.id, { trigger: "manual", remote })).rejects.toMatchObject({
    code: "conflict",
  });
  await db().connection.update({ where: { id: c.id }, data: { lockedUntil: null } });
  // The stopped run is not resumed (its cursor belonged to a lease it lost): the next one reads it all.
  expect(await syncConnection(evaluator, peru, c.id, { trigger: "manual", remote })).toMatchObject({
    status: "DONE",
    nextOffset: 3,
  });
});

test("push-in batches that waited for a sync are no failures; deactivated people are not mailed", async () => {
  const server = await kobo("aQuiet", []);
  const c = await koboConnection(server, "aQuiet");
  for (let i = 0; i < 3; i++)
    await db().connectionSync.create({
      data: { connectionId: c.id, trigger: "push", status: "FAILED", error: "syncRunning", finishedAt: new Date() },
    });
  expect(await noticeFailure(c.id, { userId: null, trigger: "push" })).toBe(false);

  const viewer = await db().user.update({
    where: { email: "viewer@example.org" },
    data: { deactivatedAt: new Date() },
  });
  await db().connection.update({ where: { id: c.id }, data: { status: "BROKEN", brokenReason: "forbidden" } });
  expect(await noticeFailure(c.id, { userId: viewer.id, trigger: "manual" })).toBe(true);
  const told = (address: string) => mail.to(address).filter((m) => m.text.includes(c.name));
  expect(told("manager@example.org")).toHaveLength(1);
  expect(told("viewer@example.org")).toHaveLength(0);
});

test("adding and deleting a connection, and turning push-in on and off, are audited without secrets", async () => {
  const server = await kobo("aAudited", []);
  const c = await koboConnection(server, "aAudited", { token: "audited-token" });
  const secret = await enablePush(manager, peru, c.id);
  await disablePush(manager, peru, c.id);
  await deleteConnection(manager, peru, c.id);
  const audit = await db().auditEvent.findMany({ where: { entityId: c.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  expect(audit.map((a) => [a.action, a.actorUserId, a.projectId])).toEqual([
    ["connection.create", manager.userId, peru],
    ["connection.pushEnable", manager.userId, peru],
    ["connection.pushDisable", manager.userId, peru],
    ["connection.delete", manager.userId, peru],
  ]);
  expect(audit[0]?.after).toMatchObject({ kind: "KOBO", serverUrl: server.url, assetUid: "aAudited" });
  expect(JSON.stringify(audit)).not.toContain("audited-token");
  expect(JSON.stringify(audit)).not.toContain(secret);
});
