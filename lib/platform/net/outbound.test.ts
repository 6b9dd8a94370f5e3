// The guard against requests to the app's own machine and network (SSRF), on a real local server: what
// it refuses never reaches the server; with ALLOW_PRIVATE_NETWORK_TARGETS=1 the same requests are sent.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { reloadEnv } from "@/lib/platform/env";
import { assertOutboundUrl, checkedLookup, OutboundRefused, outboundFetch, outboundRefusal } from "./outbound";

vi.mock("server-only", () => ({}));

let server: Server;
let port: number;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url ?? "");
    if (req.url === "/moved") {
      res.writeHead(302, { Location: "/elsewhere" });
      res.end();
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end('{"ok":true}');
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((done) => server.close(done)));

const allowPrivate = (on: boolean) => {
  vi.stubEnv("ALLOW_PRIVATE_NETWORK_TARGETS", on ? "1" : "0");
  reloadEnv();
};
afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
  asked.length = 0;
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error) => (error instanceof OutboundRefused ? error.refusal : error),
  );

test("off by default: a literal private address, a name resolving to 127.0.0.1 and another scheme are refused unsent", async () => {
  allowPrivate(false);
  expect(await refusal(outboundFetch(`http://127.0.0.1:${port}/a`))).toBe("loopback");
  expect(await refusal(outboundFetch(`http://[::ffff:127.0.0.1]:${port}/a`))).toBe("loopback");
  expect(await refusal(outboundFetch(`http://[::1]:${port}/a`))).toBe("loopback");
  expect(await refusal(outboundFetch("http://169.254.169.254/latest/meta-data/"))).toBe("linkLocal");
  expect(await refusal(outboundFetch("http://10.0.0.1/"))).toBe("private");
  // localhost is a name: refused by the connection's own lookup, so what is checked is what is connected to.
  expect(await refusal(outboundFetch(`http://localhost:${port}/a`, { method: "POST", body: "{}" }))).toBe("loopback");
  expect(await refusal(outboundFetch("file:///etc/passwd"))).toBe("scheme");
  expect(asked).toEqual([]);
  // The message the delivery log and the sync history keep.
  await expect(outboundFetch(`http://localhost:${port}/a`)).rejects.toThrow(/^address not allowed: localhost \(/);
});

test("saving checks the same way, by every address a name has now; a public address is allowed without connecting", async () => {
  allowPrivate(false);
  expect((await outboundRefusal(`http://localhost:${port}/`))?.refusal).toBe("loopback");
  expect((await outboundRefusal("https://192.168.0.10/kobo"))?.refusal).toBe("private");
  expect((await outboundRefusal("https://[fd00::1]/"))?.refusal).toBe("private");
  expect(await outboundRefusal("https://93.184.216.34/")).toBeNull();
  expect(await outboundRefusal("https://[2606:4700:4700::1111]/")).toBeNull();
  // A name that does not resolve now is left to the check at send time.
  expect(await outboundRefusal("https://kobo.example.invalid/")).toBeNull();
  const refused = await assertOutboundUrl(`http://localhost:${port}/`, "serverUrl").catch((e) => e);
  expect(refused).toBeInstanceOf(DomainError);
  expect(refused).toMatchObject({
    code: "addressNotAllowed",
    fields: [{ field: "body.serverUrl", code: "addressNotAllowed" }],
  });
  await expect(assertOutboundUrl("https://93.184.216.34/hook", "url")).resolves.toBeUndefined();
});

test("the connection's lookup hands the socket only addresses it checked", async () => {
  allowPrivate(false);
  const looked = (all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((done) =>
      checkedLookup("localhost", { all }, (error, address) => done({ error, address })),
    );
  for (const all of [false, true]) {
    const { error } = await looked(all);
    expect(error).toBeInstanceOf(OutboundRefused);
  }
  allowPrivate(true);
  expect((await looked(false)).address).toMatch(/^(127\.0\.0\.1|::1)$/);
  expect((await looked(true)).address).toEqual(
    expect.arrayContaining([expect.objectContaining({ family: expect.any(Number) })]),
  );
});

test("allowed with ALLOW_PRIVATE_NETWORK_TARGETS=1 (local servers); a redirect is answered, never followed", async () => {
  allowPrivate(true);
  const byName = await outboundFetch(`http://localhost:${port}/a`);
  expect(await byName.json()).toEqual({ ok: true });
  const byAddress = await outboundFetch(`http://127.0.0.1:${port}/b`, { method: "POST", body: "{}" });
  expect(byAddress.status).toBe(200);
  const moved = await outboundFetch(`http://127.0.0.1:${port}/moved`);
  expect(moved.status).toBe(302);
  expect(asked).toEqual(["/a", "/b", "/moved"]);
  expect(await outboundRefusal(`http://localhost:${port}/`)).toBeNull();
  // Never another scheme, even then.
  expect(await refusal(outboundFetch("ftp://127.0.0.1/"))).toBe("scheme");
});

test("link-local and the clouds' metadata services stay refused with ALLOW_PRIVATE_NETWORK_TARGETS=1", async () => {
  allowPrivate(true);
  // Literal addresses (checked before sending) ...
  expect(await refusal(outboundFetch("http://169.254.169.254/latest/meta-data/"))).toBe("linkLocal");
  expect(await refusal(outboundFetch("http://[fe80::1]/"))).toBe("linkLocal");
  expect(await refusal(outboundFetch("http://[::ffff:169.254.169.254]/"))).toBe("linkLocal");
  expect(await refusal(outboundFetch("http://[fd00:ec2::254]/latest/meta-data/"))).toBe("cloudMetadata");
  expect(await refusal(outboundFetch("http://100.100.100.200/latest/meta-data/"))).toBe("cloudMetadata");
  // ... the same on saving ...
  expect((await outboundRefusal("http://169.254.169.254/"))?.refusal).toBe("linkLocal");
  expect((await outboundRefusal("https://[fe80::a:b]/hook"))?.refusal).toBe("linkLocal");
  // ... and what a name resolves to (the connection's lookup; a literal resolves to itself).
  const looked = await new Promise<NodeJS.ErrnoException | null>((done) =>
    checkedLookup("169.254.169.254", { all: true }, (error) => done(error)),
  );
  expect(looked).toBeInstanceOf(OutboundRefused);
  expect((looked as OutboundRefused).refusal).toBe("linkLocal");
  // Other private addresses do pass.
  expect(await outboundRefusal("http://10.0.0.1/")).toBeNull();
  expect(await outboundRefusal("http://[fd00:ec2::253]/")).toBeNull();
});
