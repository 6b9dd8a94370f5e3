// The SSRF guard where it is used: a manager saving a webhook or a connection with a local address is
// refused on its field; a webhook delivery and a connection test to a local server are refused while
// ALLOW_PRIVATE_NETWORK_TARGETS is off (the delivery log and the test say "address not allowed") and
// sent when it is on. The servers are real local ones; nothing reaches them while the guard refuses.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { DomainError, formRefusalOf } from "@/lib/domain/errors";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { createConnection, testConnection } from "@/lib/server/connections/service";
import { attemptDelivery, configureDeliveries, enqueueEvent } from "@/lib/server/webhooks/delivery";
import { createWebhook, sendTestDelivery } from "@/lib/server/webhooks/service";
import { type FakeServer, fakeKobo } from "@/lib/testing/fake-survey-servers";
import { principalFor, projectId } from "@/lib/testing/principals";

let manager: UserPrincipal;
let project: string;
let receiver: Server;
let hookUrl: string;
let received = 0;
let kobo: FakeServer;
const before = process.env.ALLOW_PRIVATE_NETWORK_TARGETS;

const allowPrivate = (on: boolean) => {
  process.env.ALLOW_PRIVATE_NETWORK_TARGETS = on ? "1" : "0";
  reloadEnv();
};

beforeAll(async () => {
  configureDeliveries({ delaysMs: [], timeoutMs: 5_000 });
  manager = (await principalFor("manager@example.org")) as UserPrincipal;
  project = await projectId("PE-VEN-2021");
  receiver = createServer((req, res) => {
    received++;
    req.resume();
    req.on("end", () => {
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
  hookUrl = `http://localhost:${(receiver.address() as AddressInfo).port}/hook`;
  kobo = await fakeKobo({ assetUid: "aGuard", token: "t0ken", name: "Guarded form", submissions: [] });
});
afterEach(() => allowPrivate(before === "1"));
afterAll(async () => {
  await new Promise((done) => receiver.close(done));
  await kobo.close();
});

const fieldRefusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error) => (error instanceof DomainError ? error.fields : error),
  );

test("saving a webhook or a connection with a local address is refused on its field while private targets are off", async () => {
  allowPrivate(false);
  for (const url of [hookUrl, "http://169.254.169.254/latest", "http://[::1]:8080/", "http://10.0.0.7/"])
    expect(await fieldRefusal(createWebhook(manager, project, { url, events: ["results.approved"] }))).toEqual([
      { field: "body.url", code: "addressNotAllowed" },
    ]);
  expect(
    await fieldRefusal(
      createConnection(manager, project, {
        name: "Office Kobo",
        kind: "KOBO",
        serverUrl: kobo.url,
        assetUid: "aGuard",
        token: "t0ken",
      }),
    ),
  ).toEqual([{ field: "body.serverUrl", code: "addressNotAllowed" }]);
  expect(await db().webhook.count({ where: { projectId: project, url: hookUrl } })).toBe(0);
  // The form shows it on the address's field.
  const refused = await createWebhook(manager, project, { url: hookUrl, events: ["results.approved"] }).catch((e) => e);
  expect(formRefusalOf(refused)).toEqual({ fieldErrors: { url: "addressNotAllowed" } });
});

test("a delivery to a local receiver is refused and logged while off, and delivered when on", async () => {
  allowPrivate(true);
  const { webhook } = await createWebhook(manager, project, { url: hookUrl, events: ["results.approved"] });

  allowPrivate(false);
  // The test button says so on the page (the whole form's message, its field not being on that form)...
  const tested = await sendTestDelivery(manager, project, webhook.id).catch((e) => e);
  expect(tested).toBeInstanceOf(DomainError);
  expect(formRefusalOf(tested)).toEqual({ error: "addressNotAllowed" });
  // ... and a delivery queued while the address was allowed is refused when it is sent.
  const [queued] = await db().$transaction((tx) =>
    enqueueEvent(tx, project, "webhook.test", { message: "A test delivery" }, webhook.id),
  );
  expect(await attemptDelivery(queued as string)).toBe("failed");
  const refused = await db().webhookDelivery.findUniqueOrThrow({ where: { id: queued as string } });
  expect(refused).toMatchObject({ status: "FAILED", responseCode: null });
  expect(refused.lastError).toMatch(/^address not allowed: localhost \(.*loopback\)$/);
  expect(received).toBe(0);

  allowPrivate(true);
  const [again] = await db().$transaction((tx) =>
    enqueueEvent(tx, project, "webhook.test", { message: "A test delivery" }, webhook.id),
  );
  expect(await attemptDelivery(again as string)).toBe("delivered");
  expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: again as string } })).toMatchObject({
    status: "DELIVERED",
    responseCode: 204,
  });
  expect(received).toBe(1);
});

test("a connection's test to a local server says the address is not allowed while off, and reads the form when on", async () => {
  allowPrivate(true);
  const connection = await createConnection(manager, project, {
    name: "Office Kobo",
    kind: "KOBO",
    serverUrl: kobo.url,
    assetUid: "aGuard",
    token: "t0ken",
  });

  allowPrivate(false);
  expect(await testConnection(manager, project, connection.id)).toEqual({ ok: false, reason: "addressNotAllowed" });
  expect(kobo.requests).toEqual([]);

  allowPrivate(true);
  expect(await testConnection(manager, project, connection.id)).toMatchObject({
    ok: true,
    form: { name: "Guarded form", submissions: 0 },
  });
  expect(kobo.requests).toHaveLength(1);
});
