import { gunzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { acceptsGzip, encodedResponse, jsonResponse } from "./compression";

const asking = (acceptEncoding?: string) =>
  new Request("http://localhost/api", { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

test("gzip is taken when the client names it, or any coding, with a quality above 0", () => {
  expect(acceptsGzip(asking("gzip, deflate, br, zstd"))).toBe(true);
  expect(acceptsGzip(asking("br;q=1.0, GZIP;q=0.5"))).toBe(true);
  expect(acceptsGzip(asking("*"))).toBe(true);
  expect(acceptsGzip(asking("gzip;q=0, br"))).toBe(false);
  expect(acceptsGzip(asking("*;q=0.5, gzip;q=0"))).toBe(false);
  expect(acceptsGzip(asking("br, deflate"))).toBe(false);
  expect(acceptsGzip(asking("identity"))).toBe(false);
  expect(acceptsGzip(asking())).toBe(false);
});

test("a large JSON answer is gzipped for a client that takes it, and reads back the same", async () => {
  const value = { figures: Array.from({ length: 500 }, (_, i) => ({ place: `Place ${i}`, value: i * 1.5 })) };
  const gzipped = await jsonResponse(asking("gzip"), value, { "cache-control": "no-store" });
  expect(gzipped.headers.get("content-encoding")).toBe("gzip");
  expect(gzipped.headers.get("vary")).toBe("accept-encoding");
  expect(gzipped.headers.get("cache-control")).toBe("no-store");
  const bytes = Buffer.from(await gzipped.arrayBuffer());
  expect(bytes.length).toBeLessThan(JSON.stringify(value).length / 4);
  expect(JSON.parse(gunzipSync(bytes).toString("utf8"))).toEqual(value);

  const plain = await jsonResponse(asking("br"), value);
  expect(plain.headers.get("content-encoding")).toBeNull();
  expect(await plain.json()).toEqual(value);
});

test("a small answer is sent as it is; gzipped bytes already made are reused", async () => {
  const small = await jsonResponse(asking("gzip"), { ok: true });
  expect(small.headers.get("content-encoding")).toBeNull();
  expect(await small.text()).toBe('{"ok":true}');

  const made = new Uint8Array([1, 2, 3]); // not real gzip: proves the kept bytes are sent, not remade
  const kept = await encodedResponse(asking("gzip"), { text: "x".repeat(2000), gzipped: made }, { headers: {} });
  expect(new Uint8Array(await kept.arrayBuffer())).toEqual(made);
});
