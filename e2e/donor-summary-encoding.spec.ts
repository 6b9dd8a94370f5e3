// The donor summary API over HTTP (the production build): its JSON sent compressed by the app once per
// ETag, brotli or gzip as the client asks (Next.js compresses other answers per request, gzip only), the
// same figures decoded as uncompressed, 304 on the ETag, the site's headers, and a revoked link refused.
import { expect, test } from "@playwright/test";
import { createShareLink, openShareLinksPage } from "./fixtures";

test("the donor summary is sent as brotli or gzip as asked, the same JSON, 304 when unchanged; revoked, refused", async ({
  page,
  request,
}) => {
  await openShareLinksPage(page);
  const url = await createShareLink(page, "Compressed summary");
  const token = url.split("/s/")[1] ?? "";
  const get = (encoding: string, query = "?view=overview", headers: Record<string, string> = {}) =>
    request.get(`/api/v1/shared/${token}/summary${query}`, { headers: { "accept-encoding": encoding, ...headers } });

  // Accept-Encoding as sent, and the encoding of the answer.
  const asked: [string, string][] = [
    ["gzip, deflate, br, zstd", "br"],
    ["br", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
  ];
  for (const query of ["?view=overview", ""]) {
    const plain = await get("identity", query);
    expect(plain.status()).toBe(200);
    expect(plain.headers()["content-encoding"]).toBeUndefined();
    const json = await plain.json();
    expect(json.project.name).toMatch(/Venezuelan migrants and refugees in Peru/);
    for (const [accept, sent] of asked) {
      const answer = await get(accept, query);
      expect(answer.status(), accept).toBe(200);
      expect(answer.headers()["content-encoding"], accept).toBe(sent);
      expect(answer.headers().vary, accept).toMatch(/accept-encoding/i);
      expect(answer.headers().etag, accept).toBe(plain.headers().etag);
      // Decoded once (as a client does), the very JSON sent uncompressed: compressed once, not twice.
      expect(await answer.json(), accept).toEqual(json);
    }
  }

  const first = await get("br");
  const etag = first.headers().etag ?? "";
  expect(etag).toMatch(/^W\/"/);
  expect(first.headers()["cache-control"]).toBe("private, no-cache");
  // The site's headers (next.config.ts) reach this route too, and its answers carry a request id.
  expect(first.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("no-referrer");
  expect(first.headers()["x-request-id"]).toBeTruthy();
  const notModified = await get("br", "?view=overview", { "if-none-match": etag });
  expect(notModified.status()).toBe(304);
  expect(notModified.headers().etag).toBe(etag);
  expect((await notModified.body()).length).toBe(0);
  // Only GET (and HEAD): another method is the proxy's 405 problem.
  const posted = await request.post(`/api/v1/shared/${token}/summary`, { data: {} });
  expect(posted.status()).toBe(405);
  expect(posted.headers().allow).toBe("GET, HEAD");
  // A bad query is the wrapper's problem, named by field.
  const bad = await get("br", "?view=everything");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors[0].field).toBe("query.view");
  // An unknown link is 404.
  expect((await request.get(`/api/v1/shared/s_${"x".repeat(43)}/summary`)).status()).toBe(404);

  // Revoked, the link answers 410 however it is asked, even with the ETag of a copy.
  await page.reload();
  const row = page.locator('tr[data-link="Compressed summary"]');
  await row.getByRole("button", { name: "Revoke Compressed summary" }).click();
  await expect(row.locator('[data-col="state"]')).toHaveText("Revoked");
  for (const headers of [{}, { "if-none-match": etag }] as Record<string, string>[]) {
    const gone = await get("br", "?view=overview", headers);
    expect(gone.status()).toBe(410);
    expect(gone.headers()["content-type"]).toBe("application/problem+json");
    expect((await gone.json()).code).toBe("gone");
  }
});
