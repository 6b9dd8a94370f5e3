// The donor summary's compressed bytes are made once per ETag and encoding: the same bytes object for
// every request of one data version, new bytes once the version moves; decoded, the same JSON as sent
// uncompressed. Through the route's real handler on the seeded database.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { createShareLink } from "@/lib/server/share-links/service";
import { principalFor, projectId } from "@/lib/testing/principals";
import { encodedAnswer } from "./encoded-route";
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
