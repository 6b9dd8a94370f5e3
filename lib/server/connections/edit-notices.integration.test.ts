// A manager edits a connection (version-checked; credentials kept when left blank, replaced when typed),
// and a failing connection is told once per failure episode, in the inbox and by e-mail.
import { afterAll, beforeAll, expect, test } from "vitest";
import { ZodError } from "zod";
import { ForbiddenError, type UserPrincipal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { type FakeServer, fakeKobo } from "@/lib/testing/fake-survey-servers";
import { principalFor, projectId } from "@/lib/testing/principals";
import { captureMail } from "@/lib/testing/smtp-capture";
import { failingConnections, noticeFailure } from "./notices";
import type { RemoteOptions } from "./remote";
import { runScheduledSyncs } from "./schedule";
import { createConnection, StaleConnection, testConnection, updateConnection } from "./service";
import { syncConnection } from "./sync";

let manager: UserPrincipal;
let evaluator: UserPrincipal;
let viewer: UserPrincipal;
let peru: string;
let kobo: FakeServer;
let mail: Awaited<ReturnType<typeof captureMail>>;
let managers: string[];
const remote: RemoteOptions = {
  fetch: (...args) => fetch(...args),
  sleep: async () => undefined,
  timeoutMs: 5_000,
  retries: 0,
  backoffMs: 1,
  maxWaitMs: 1,
};

beforeAll(async () => {
  manager = await principalFor("manager@example.org");
  evaluator = await principalFor("evaluator@example.org");
  viewer = await principalFor("viewer@example.org");
  peru = await projectId("PE-VEN-2021");
  managers = (await db().user.findMany({ where: { memberships: { some: { projectId: peru, role: "MANAGER" } } } })).map(
    (u) => u.email,
  );
  kobo = await fakeKobo({
    assetUid: "aNewAssetUid",
    token: "the-new-token",
    name: "Household survey",
    submissions: [],
  });
  mail = await captureMail();
});

afterAll(async () => {
  await kobo?.close();
  await mail?.close();
});

const koboEdit = (version: number, extra: Record<string, unknown> = {}) => ({
  version,
  name: "Households (edited)",
  kind: "KOBO",
  serverUrl: `${kobo.url}/`,
  assetUid: "aNewAssetUid",
  scheduled: true,
  submit: true,
  ...extra,
});

test("a manager edits a connection: blank credentials keep the sealed ones, new ones replace them; stale edits are refused", async () => {
  const created = await createConnection(manager, peru, {
    name: "Households",
    kind: "KOBO",
    serverUrl: kobo.url,
    assetUid: "anOldAssetUid",
    token: "the-old-token",
  });
  expect(created.version).toBe(1);
  const sealed = (await db().connection.findUniqueOrThrow({ where: { id: created.id } })).secret;
  await expect(updateConnection(evaluator, peru, created.id, koboEdit(1))).rejects.toBeInstanceOf(ForbiddenError);

  const edited = await updateConnection(manager, peru, created.id, koboEdit(1));
  expect(edited).toMatchObject({
    version: 2,
    name: "Households (edited)",
    serverUrl: kobo.url,
    assetUid: "aNewAssetUid",
    scheduled: true,
    submit: true,
  });
  expect(JSON.stringify(edited)).not.toContain("token");
  expect((await db().connection.findUniqueOrThrow({ where: { id: created.id } })).secret).toBe(sealed);
  // The old token is refused by the server: the connection breaks.
  expect(await testConnection(manager, peru, created.id, remote)).toEqual({ ok: false, reason: "unauthorized" });

  // An edit made on the version read before someone else's save is refused, and changes nothing.
  const stale = updateConnection(manager, peru, created.id, koboEdit(1, { name: "Lost edit", token: "x" }));
  await expect(stale).rejects.toBeInstanceOf(StaleConnection);
  await expect(stale).rejects.toMatchObject({ code: "stale", current: { version: 2 } });
  expect((await db().connection.findUniqueOrThrow({ where: { id: created.id } })).name).toBe("Households (edited)");

  const renewed = await updateConnection(manager, peru, created.id, koboEdit(2, { token: "the-new-token" }));
  expect(renewed.version).toBe(3);
  const stored = await db().connection.findUniqueOrThrow({ where: { id: created.id } });
  expect(stored.secret).not.toBe(sealed);
  expect(stored.secret).not.toContain("the-new-token");
  expect(await testConnection(manager, peru, created.id, remote)).toMatchObject({ ok: true });

  // Another kind of server is another connection; a missing target is named on its field.
  await expect(
    updateConnection(manager, peru, created.id, { ...koboEdit(3), kind: "ODK_CENTRAL", odkProject: 1, odkForm: "f" }),
  ).rejects.toMatchObject({ code: "validation", fields: [{ field: "body.kind", code: "kindFixed" }] });
  const missing = await updateConnection(manager, peru, created.id, koboEdit(3, { assetUid: "" })).catch((e) => e);
  expect(missing).toBeInstanceOf(ZodError);
  expect((missing as ZodError).issues[0]).toMatchObject({ path: ["assetUid"], message: "required" });
  const audit = await db().auditEvent.findMany({ where: { entityId: created.id, action: "connection.update" } });
  expect(audit).toHaveLength(2);
  expect(JSON.stringify(audit)).not.toContain("the-new-token");
  expect(audit[1]?.after).toMatchObject({ credentialsReplaced: true });
});

test("an ODK Central edit replaces an e-mail only with its password", async () => {
  const odk = await createConnection(manager, peru, {
    name: "Central",
    kind: "ODK_CENTRAL",
    serverUrl: "https://central.example.org",
    odkProject: 3,
    odkForm: "household",
    appUserToken: "app-user-token",
  });
  const edit = { version: 1, name: "Central", kind: "ODK_CENTRAL", serverUrl: "https://central.example.org" };
  const refused = await updateConnection(manager, peru, odk.id, {
    ...edit,
    odkProject: 4,
    odkForm: "household",
    email: "me@example.org",
  }).catch((e) => e);
  expect((refused as ZodError).issues).toMatchObject([{ path: ["password"], message: "required" }]);
  const sealed = (await db().connection.findUniqueOrThrow({ where: { id: odk.id } })).secret;
  const saved = await updateConnection(manager, peru, odk.id, { ...edit, odkProject: 4, odkForm: "household_v2" });
  expect(saved).toMatchObject({ odkProject: 4, odkForm: "household_v2", version: 2 });
  // Left blank, the credentials are kept as sealed before the edit.
  expect((await db().connection.findUniqueOrThrow({ where: { id: odk.id } })).secret).toBe(sealed);
  await db().connection.delete({ where: { id: odk.id } });
});

test("a failing connection is told once per episode: broken or failing again and again, and again after it worked", async () => {
  const c = await db().connection.findFirstOrThrow({ where: { projectId: peru, name: "Households (edited)" } });
  const sync = () => syncConnection(evaluator, peru, c.id, { trigger: "manual", remote });
  const mailsTo = (address: string) => mail.to(address).filter((m) => m.text.includes("Households (edited)"));

  // The token revoked: broken at once; the managers and the evaluator who ran it are told.
  kobo.fail = [{ status: 401 }];
  expect(await sync()).toMatchObject({ status: "FAILED", error: "unauthorized" });
  for (const address of [...managers, "evaluator@example.org"]) expect(mailsTo(address)).toHaveLength(1);
  const [told] = mailsTo("manager@example.org");
  expect(told?.text).toContain(`/projects/${peru}/connections`);
  expect(told?.text).toMatch(/refused the credentials \(401\)/);
  expect(mailsTo("viewer@example.org")).toHaveLength(0);
  expect(await failingConnections(manager)).toMatchObject([{ id: c.id, reason: "unauthorized" }]);
  expect(await failingConnections(evaluator)).toMatchObject([{ id: c.id }]);
  expect(await failingConnections(viewer)).toEqual([]);

  // Failing again while it is broken says nothing more.
  kobo.fail = [{ status: 401 }];
  expect(await sync()).toMatchObject({ status: "FAILED" });
  expect(mailsTo("manager@example.org")).toHaveLength(1);

  // It works again: the episode is over, the inbox empties.
  expect(await sync()).toMatchObject({ status: "DONE" });
  expect(await failingConnections(manager)).toEqual([]);

  // A server down for a while: told at the third failure in a row, then not again, scheduled runs included.
  kobo.failAtOffset = 0;
  for (let i = 0; i < 2; i++) expect(await sync()).toMatchObject({ status: "FAILED", error: "busy" });
  expect(mailsTo("manager@example.org")).toHaveLength(1);
  expect(await sync()).toMatchObject({ status: "FAILED", error: "busy" });
  expect(mailsTo("manager@example.org")).toHaveLength(2);
  expect(mailsTo("manager@example.org")[1]?.text).toMatch(/busy or failing/);
  expect(await failingConnections(manager)).toMatchObject([{ id: c.id, reason: "busy" }]);
  await runScheduledSyncs(remote);
  await runScheduledSyncs(remote);
  expect(
    (await db().connectionSync.findFirstOrThrow({ where: { connectionId: c.id }, orderBy: { startedAt: "desc" } }))
      .trigger,
  ).toBe("schedule");
  expect(mailsTo("manager@example.org")).toHaveLength(2);
  kobo.failAtOffset = null;
  await runScheduledSyncs(remote);
  expect(await failingConnections(manager)).toEqual([]);
  expect(await db().connection.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ failureNoticeAt: null });
});

test("the failure's notice goes out once even when two failing runs finish together", async () => {
  const c = await db().connection.findFirstOrThrow({ where: { projectId: peru, name: "Households (edited)" } });
  await db().connection.update({ where: { id: c.id }, data: { status: "BROKEN", brokenReason: "forbidden" } });
  const before = mail.to("manager@example.org").length;
  const told = await Promise.all([
    noticeFailure(c.id, { userId: null, trigger: "schedule" }),
    noticeFailure(c.id, { userId: null, trigger: "schedule" }),
  ]);
  expect(told.filter(Boolean)).toHaveLength(1);
  expect(mail.to("manager@example.org").length).toBe(before + 1);
});
