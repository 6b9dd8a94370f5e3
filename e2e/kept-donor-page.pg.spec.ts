// The donor page answered from its kept rendered output (lib/http/kept-donor-page.ts): rendered once per
// link, data version, day and language, each answer with a nonce of its own that the page's scripts
// carry; a change to the figures renders it again at once; signed-in readers and Next.js's own requests
// get it rendered as usual; the route is not reachable from outside.
import { type APIResponse, expect, test } from "@playwright/test";
import { e2eDatabase } from "./database";
import { createShareLink, openShareLinksPage } from "./fixtures";

const nonceOf = (answer: APIResponse) =>
  /'nonce-([^']+)'/.exec(answer.headers()["content-security-policy"] ?? "")?.[1] ?? "";

/** The nonces the page's scripts carry. */
const scriptNonces = (html: string) => new Set([...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]));

test("a donor page is rendered once and kept, each answer with its own nonce, until its figures change", async ({
  page,
  request,
}) => {
  await openShareLinksPage(page);
  const url = await createShareLink(page, "Kept page");
  const path = new URL(url).pathname;
  const get = (query = "", headers: Record<string, string> = {}) =>
    request.get(`${path}${query}`, { headers: { "accept-encoding": "gzip, br", ...headers } });

  const first = await get();
  expect(first.status()).toBe(200);
  expect(first.headers()["x-page-source"]).toBe("rendered");
  expect(first.headers()["content-encoding"]).toBe("br");
  expect(first.headers()["content-type"]).toContain("text/html");
  expect(first.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  const second = await get("", { "accept-encoding": "gzip" });
  expect(second.headers()["x-page-source"]).toBe("kept");
  expect(second.headers()["content-encoding"]).toBe("gzip");
  const [a, b] = [await first.text(), await second.text()];
  expect(a).toContain("Venezuelan migrants and refugees in Peru");
  expect(a).toContain("Read-only view shared as “Kept page”.");
  // Each answer's scripts carry that answer's nonce, and only it; otherwise the very same page.
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  expect(scriptNonces(a)).toEqual(new Set([nonceOf(first)]));
  expect(scriptNonces(b)).toEqual(new Set([nonceOf(second)]));
  expect(b.replaceAll(nonceOf(second), "N")).toBe(a.replaceAll(nonceOf(first), "N"));
  const head = await request.head(path);
  expect(head.status()).toBe(200);
  expect(head.headers()["x-page-source"]).toBe("kept");

  // Another day and another language are other pages, kept in turn.
  expect((await get("?asOf=2021-06-30")).headers()["x-page-source"]).toBe("rendered");
  expect((await get("?asOf=2021-06-30")).headers()["x-page-source"]).toBe("kept");
  const spanish = await get("", { cookie: "NEXT_LOCALE=es" });
  expect(spanish.headers()["x-page-source"]).toBe("rendered");
  expect(await spanish.text()).toContain('<html lang="es"');
  expect((await get("", { "accept-language": "es-PE,es;q=0.9" })).headers()["x-page-source"]).toBe("kept");

  // A change to the figures (a target, whose trigger moves the project's data version) is shown at once.
  const { prisma, close } = e2eDatabase();
  try {
    const target = await prisma.target.findFirstOrThrow({
      where: { indicator: { project: { name: { contains: "Venezuelan migrants" } } }, value: { not: null } },
      orderBy: { id: "asc" },
    });
    const version = async () =>
      (await prisma.project.findFirstOrThrow({ where: { name: { contains: "Venezuelan migrants" } } })).dataVersion;
    const before = await version();
    await prisma.target.update({ where: { id: target.id }, data: { value: target.value } });
    expect(await version()).toBeGreaterThan(before);
    expect((await get()).headers()["x-page-source"]).toBe("rendered");
    expect((await get()).headers()["x-page-source"]).toBe("kept");
  } finally {
    await close();
  }

  // Signed in (a manager checking the page), Next.js's own requests and other queries: rendered as usual.
  expect((await page.request.get(path)).headers()["x-page-source"]).toBeUndefined();
  expect((await get("", { rsc: "1" })).headers()["x-page-source"]).toBeUndefined();
  expect((await get("?asOf=2021-06-30&utm_source=mail")).headers()["x-page-source"]).toBeUndefined();

  // The route answers only what the proxy sends it, and no client can ask for the app's own render.
  const token = path.split("/s/")[1] ?? "";
  expect((await request.get(`/api/kept-pages/s/${token}`)).status()).toBe(404);
  const forged = await get("", { "x-internal-render": "guess", "x-internal-render-nonce": "AAAAAAAAAAAAAAAAAAAAAA==" });
  expect(forged.status()).toBe(200);
  expect(nonceOf(forged)).not.toBe("AAAAAAAAAAAAAAAAAAAAAA==");
  expect(scriptNonces(await forged.text())).toEqual(new Set([nonceOf(forged)]));
  expect(forged.headers()["x-page-source"]).toBeUndefined();

  // Revoked, at once: the proxy answers 410 before anything kept is read.
  const row = page.locator('tr[data-link="Kept page"]');
  await page.reload();
  await row.getByRole("button", { name: "Revoke Kept page" }).click();
  await expect(row.locator('[data-col="state"]')).toHaveText("Revoked");
  const gone = await get();
  expect(gone.status()).toBe(410);
  expect(gone.headers()["x-page-source"]).toBeUndefined();
  const goneHtml = await gone.text();
  expect(goneHtml).toContain("This share link has been revoked.");
  expect(goneHtml).not.toContain("shared as “Kept page”");
});
