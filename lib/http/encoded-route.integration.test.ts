// The donor summary's compressed bytes are made once per ETag and encoding: the same bytes object for
// every request of one data version, new bytes once the version moves; decoded, the same JSON as sent
// uncompressed. Through the route's real handler on the seeded database.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, expect, test, vi } from "vitest";
import { db } from "@/lib/platform/db";
import { log } from "@/lib/platform/ops/log";
import { createShareLink } from "@/lib/server/share-links/service";
import { principalFor, projectId } from "@/lib/testing/principals";
import { encodedAnswer, serveEncoded } from "./encoded-route";
import { sharedSummaryPath, sharedSummaryRoute } from "./shared-summary-route";

let token: string;
let peru: string;

beforeAll(async () => {
  const manager = await principalFor("manager@example.org");
  peru = await projectId("PE-VEN-2021");
  ({ token } = await createShareLink(manager, peru, { label: "Encoded summary", expiresAt: null, options: {} }));
});

async function get(acceptEncoding: string) {
  const request = new Request(`http://localhost${sharedSummaryPath(token)}?view=overview`, {
    headers: { "accept-encoding": acceptEncoding },
  });
  const response = await sharedSummaryRoute(request, { params: Promise.resolve({ token }) });
  return encodedAnswer(request, response);
}

const text = (bytes: Uint8Array | null) => Buffer.from(bytes ?? new Uint8Array()).toString("utf8");

test("one compression per ETag and encoding; a new data version makes new bytes", async () => {
  const plain = await get("identity");
  expect(plain.status).toBe(200);
  expect(plain.headers.get("content-encoding")).toBeNull();
  expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);
  const json = JSON.parse(text(plain.body));
  expect(json.project.id).toBe(peru);

  const br = await get("gzip, deflate, br");
  expect(br.headers.get("content-encoding")).toBe("br");
  expect(br.headers.get("etag")).toBe(plain.headers.get("etag"));
  expect(JSON.parse(brotliDecompressSync(br.body ?? new Uint8Array()).toString("utf8"))).toEqual(json);
  expect((await get("br")).body).toBe(br.body); // the very same bytes, not compressed again

  const gzip = await get("gzip");
  expect(gzip.headers.get("content-encoding")).toBe("gzip");
  expect(JSON.parse(gunzipSync(gzip.body ?? new Uint8Array()).toString("utf8"))).toEqual(json);
  expect((await get("gzip;q=1, br;q=0")).body).toBe(gzip.body);

  await db().project.update({ where: { id: peru }, data: { dataVersion: { increment: 1 } } });
  const moved = await get("br");
  expect(moved.headers.get("etag")).not.toBe(br.headers.get("etag"));
  expect(moved.body).not.toBe(br.body);
  expect(JSON.parse(brotliDecompressSync(moved.body ?? new Uint8Array()).toString("utf8")).project.id).toBe(peru);
  expect((await get("br")).body).toBe(moved.body);
});

test("served from a Node request (as the Pages Router route does): the public path logged without the token", async () => {
  const logged = vi.spyOn(log, "info");
  const server = createServer((req, res) => {
    void serveEncoded(req, res, sharedSummaryRoute, sharedSummaryPath(token), { token });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const ask = (encoding: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/anything?view=overview`, { headers: { "accept-encoding": encoding, ...headers } });
    const plain = await ask("identity");
    const br = await ask("br");
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(Number(br.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await br.json()).toEqual(await plain.json()); // fetch decodes it once
    const etag = br.headers.get("etag") ?? "";
    expect((await ask("br", { "if-none-match": etag })).status).toBe(304);
    const head = await fetch(`${base}/x?view=overview`, { method: "HEAD", headers: { "accept-encoding": "gzip" } });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-encoding")).toBe("gzip");
    expect((await fetch(`${base}/x`, { method: "DELETE" })).status).toBe(405);
    const paths = logged.mock.calls.map(([entry]) => (entry as { path?: string }).path);
    expect(paths).toContain("/api/v1/shared/[token]/summary");
    expect(paths.join(" ")).not.toContain(token);
  } finally {
    logged.mockRestore();
    await new Promise((resolve) => server.close(resolve));
  }
});
