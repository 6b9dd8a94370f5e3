// Sign-in limits as a deployment without proxies meets them (TRUSTED_PROXY_HOPS=0): each attempt is a
// real HTTP request to a server stamped as instrumentation.ts stamps Next.js's, from a chosen loopback
// address (Linux routes all of 127.0.0.0/8 to this machine), so the client is the connecting socket.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { PEER_ADDRESS_HEADER } from "@/lib/platform/ops/client-address";
import { installPeerAddress } from "@/lib/platform/ops/peer-address";
import {
  ACCOUNT_ATTEMPTS,
  ACCOUNT_CLIENT_ATTEMPTS,
  CLIENT_ATTEMPTS,
  DEVICE_ATTEMPTS,
  SignInLimited,
  signInLimited,
} from "./sign-in-limit";

type Outcome = { result: "signedIn"; cookie: string } | { result: "wrong" } | { result: "limited"; code: string };

let server: http.Server;
let port = 0;

beforeAll(async () => {
  installPeerAddress();
  server = http.createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const { email, password } = JSON.parse(body) as { email: string; password: string };
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    let outcome: Outcome;
    try {
      const signedIn = await signInLimited(email, password, headers);
      outcome = signedIn
        ? { result: "signedIn", cookie: `${signedIn.deviceCookie.name}=${signedIn.deviceCookie.value}` }
        : { result: "wrong" };
    } catch (error) {
      if (!(error instanceof SignInLimited)) throw error;
      outcome = { result: "limited", code: error.message };
    }
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(outcome));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One sign-in attempt from the loopback address `from`, with the given browser cookie and headers. */
async function attempt(
  email: string,
  password: string,
  {
    from = "127.0.0.1",
    cookie,
    headers = {},
  }: { from?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Outcome> {
  const request = http.request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/sign-in",
    localAddress: from,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
  });
  request.end(JSON.stringify({ email, password }));
  const [response] = (await once(request, "response")) as [http.IncomingMessage];
  let text = "";
  for await (const chunk of response) text += chunk;
  return JSON.parse(text) as Outcome;
}

function cookieOf(outcome: Outcome): string {
  if (outcome.result !== "signedIn") throw new Error(`not signed in: ${JSON.stringify(outcome)}`);
  return outcome.cookie;
}

test("password spraying from one client is limited, and a forged X-Forwarded-For or peer header changes nothing", async () => {
  // 200 accounts, one guess each (e-mails without an account count too), every request claiming to
  // come from somewhere else.
  const outcomes: Outcome[] = [];
  for (let i = 0; i < 200; i++) {
    const email = `${["admin", "manager", "evaluator", "viewer"][i] ?? `user${i}`}@example.org`;
    outcomes.push(
      await attempt(email, "Summer2026!", {
        from: "127.0.0.10",
        headers: { "x-forwarded-for": `198.51.100.${i}`, [PEER_ADDRESS_HEADER]: `forged 198.51.100.${i}` },
      }),
    );
  }
  expect(outcomes.filter((o) => o.result === "wrong")).toHaveLength(CLIENT_ATTEMPTS);
  expect(outcomes.slice(CLIENT_ATTEMPTS).every((o) => o.result === "limited")).toBe(true);
  expect(outcomes[CLIENT_ATTEMPTS]).toMatchObject({ code: expect.stringMatching(/^rateLimited:\d+$/) });
  // Counted for the socket's address, in the database where every app instance sees it.
  const row = await db().rateLimit.findUniqueOrThrow({ where: { key: "signin:client:127.0.0.10" } });
  expect(row.count).toBeGreaterThan(CLIENT_ATTEMPTS);
  expect(await db().rateLimit.count({ where: { key: { contains: "198.51.100." } } })).toBe(0);

  // A new browser on the spraying client waits; the same account from any other client signs in.
  expect(await attempt("manager@example.org", "demo-manager-pass", { from: "127.0.0.10" })).toMatchObject({
    result: "limited",
  });
  const known = cookieOf(await attempt("manager@example.org", "demo-manager-pass", { from: "127.0.0.11" }));
  // A browser that signed in to the account before is not held back by its client's limit.
  expect(
    await attempt("manager@example.org", "demo-manager-pass", { from: "127.0.0.10", cookie: known }),
  ).toMatchObject({ result: "signedIn" });
}, 180_000);

test("50 wrong passwords from one client do not stop the owner's known browser from signing in", async () => {
  const known = cookieOf(await attempt("viewer@example.org", "demo-viewer-pass", { from: "127.0.0.20" }));
  const guesses: Outcome[] = [];
  for (let i = 0; i < 50; i++) guesses.push(await attempt("viewer@example.org", `guess ${i}`, { from: "127.0.0.21" }));
  expect(guesses.filter((o) => o.result === "wrong")).toHaveLength(ACCOUNT_CLIENT_ATTEMPTS);
  expect(guesses.slice(ACCOUNT_CLIENT_ATTEMPTS).every((o) => o.result === "limited")).toBe(true);
  // The guessing client's right password waits too; the owner's browser signs in, from anywhere.
  expect(await attempt("viewer@example.org", "demo-viewer-pass", { from: "127.0.0.21" })).toMatchObject({
    result: "limited",
  });
  const again = await attempt("viewer@example.org", "demo-viewer-pass", { from: "127.0.0.20", cookie: known });
  expect(await attempt("viewer@example.org", "demo-viewer-pass", { from: "127.0.0.21", cookie: known })).toMatchObject({
    result: "signedIn",
  });
  // Each sign-in gives the browser a new cookie, which is as good.
  expect(cookieOf(again)).not.toBe(known);
  expect(
    await attempt("viewer@example.org", "demo-viewer-pass", { from: "127.0.0.20", cookie: cookieOf(again) }),
  ).toMatchObject({ result: "signedIn" });
  // A new browser on another client is not refused: one client alone cannot lock the account.
  expect(await attempt("viewer@example.org", "demo-viewer-pass", { from: "127.0.0.22" })).toMatchObject({
    result: "signedIn",
  });
}, 180_000);

test("a new browser is refused the right password only while the account is guessed at from several clients", async () => {
  const account = "evaluator@example.org";
  const known = cookieOf(await attempt(account, "demo-evaluator-pass", { from: "127.0.0.30" }));
  // Guesses spread over clients, each staying under its own limits, until the account's is reached
  // (the spraying test above made one guess at it already).
  const key = `signin:account:${account}`;
  let guesses = (await db().rateLimit.findUnique({ where: { key } }))?.count ?? 0;
  for (let client = 1; guesses < ACCOUNT_ATTEMPTS; client++) {
    for (let i = 0; i < ACCOUNT_CLIENT_ATTEMPTS && guesses < ACCOUNT_ATTEMPTS; i++, guesses++) {
      expect(await attempt(account, `guess ${guesses}`, { from: `127.0.1.${client}` })).toEqual({ result: "wrong" });
    }
  }
  const refused = await attempt(account, "demo-evaluator-pass", { from: "127.0.0.31" });
  expect(refused).toMatchObject({ result: "limited", code: expect.stringMatching(/^rateLimited:\d+$/) });
  const waitSeconds = Number((refused as { code: string }).code.split(":")[1]);
  expect(waitSeconds).toBeGreaterThan(0);
  expect(waitSeconds).toBeLessThanOrEqual(15 * 60);
  // The owner's known browser is not: it is limited only by its own failures.
  expect(await attempt(account, "demo-evaluator-pass", { from: "127.0.0.31", cookie: known })).toMatchObject({
    result: "signedIn",
  });
  // Other accounts are not touched.
  expect(await attempt("admin@example.org", "demo-admin-pass", { from: "127.0.0.31" })).toMatchObject({
    result: "signedIn",
  });
  // When the window of the guesses has passed (moved back here rather than waited for), a new browser
  // signs in again.
  await db()
    .$executeRaw`UPDATE "RateLimit" SET "windowStart" = "windowStart" - interval '16 minutes' WHERE "key" = ${key}`;
  expect(await attempt(account, "demo-evaluator-pass", { from: "127.0.0.31" })).toMatchObject({ result: "signedIn" });
}, 180_000);

test("a known browser has its own limit; a cookie for another account, altered or from elsewhere is no use", async () => {
  const account = "admin@example.org";
  const first = cookieOf(await attempt(account, "demo-admin-pass", { from: "127.0.0.40" }));
  const second = cookieOf(await attempt(account, "demo-admin-pass", { from: "127.0.0.41" }));
  for (let i = 0; i < DEVICE_ATTEMPTS; i++) {
    expect(await attempt(account, `typo ${i}`, { from: "127.0.0.40", cookie: first })).toEqual({ result: "wrong" });
  }
  // Ten failures from the client would have met its account limit long ago: the browser's own count held.
  expect(await attempt(account, "demo-admin-pass", { from: "127.0.0.40", cookie: first })).toMatchObject({
    result: "limited",
  });
  expect(await attempt(account, "demo-admin-pass", { from: "127.0.0.40", cookie: second })).toMatchObject({
    result: "signedIn",
  });

  // A cookie under another name, or with its signature altered, leaves the browser untrusted; so does the
  // admin's cookie at another account.
  const count = async (key: string) => (await db().rateLimit.findUnique({ where: { key } }))?.count ?? 0;
  const [name, value = ""] = second.split("=");
  const altered = `${name}=${value.slice(0, -2)}${value.endsWith("AA") ? "BB" : "AA"}`;
  const renamed = second.replace(/^[^=]+/, "me-device-AAAAAAAAAAAAAAAA");
  const before = await count(`signin:account:${account}`);
  for (const cookie of [renamed, altered]) {
    await expect(signInLimited(account, "wrong", new Headers({ cookie }))).resolves.toBeNull();
  }
  expect(await count(`signin:account:${account}`)).toBe(before + 2);
  const managerBefore = await count("signin:account:manager@example.org");
  await expect(signInLimited("manager@example.org", "wrong", new Headers({ cookie: second }))).resolves.toBeNull();
  expect(await count("signin:account:manager@example.org")).toBe(managerBefore + 1);
}, 180_000);

test("only failures count: a right password takes its attempt back and forgets its client's failures at the account", async () => {
  const account = "manager@example.org";
  const before = (await db().rateLimit.findUnique({ where: { key: `signin:account:${account}` } }))?.count ?? 0;
  for (let i = 0; i < ACCOUNT_CLIENT_ATTEMPTS - 1; i++) {
    expect(await attempt(account, `typo ${i}`, { from: "127.0.0.50" })).toEqual({ result: "wrong" });
  }
  expect(await attempt(account, "demo-manager-pass", { from: "127.0.0.50" })).toMatchObject({ result: "signedIn" });
  const counts = Object.fromEntries(
    (
      await db().rateLimit.findMany({
        where: { key: { in: [`signin:account:${account}`, "signin:client:127.0.0.50"] } },
      })
    ).map((r) => [r.key, r.count]),
  );
  expect(counts).toEqual({
    [`signin:account:${account}`]: before + ACCOUNT_CLIENT_ATTEMPTS - 1,
    "signin:client:127.0.0.50": ACCOUNT_CLIENT_ATTEMPTS - 1,
  });
  expect(await db().rateLimit.findUnique({ where: { key: `signin:account-client:127.0.0.50 ${account}` } })).toBeNull();
}, 180_000);
