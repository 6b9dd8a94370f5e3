import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { pdfText } from "../lib/testing/pdf-text";
import { createShareLink, openShareLinksPage } from "./fixtures";

test("a donor opens a share link without an account, sees approved figures, downloads them; revoking ends it", async ({
  page,
  browser,
}) => {
  await openShareLinksPage(page);
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText("Enter a label.")).toBeVisible();
  const url = await createShareLink(page, "U.S. Government / PRM");

  const donor = await browser.newContext({ locale: "en-US" });
  const donorPage = await donor.newPage();
  const blocked: string[] = [];
  donorPage.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const response = await donorPage.goto(url);
  expect(response?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  // Scripts run only with this response's nonce, and nobody may frame a link that lists no site.
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-inline' 'strict");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  await expect(donorPage.getByRole("heading", { level: 1 })).toHaveText(/Venezuelan migrants and refugees in Peru/);
  await expect(donorPage.getByText("Read-only view shared as “U.S. Government / PRM”.")).toBeVisible();
  // The report opens with its key results, the same figures as the summary API gives the link.
  const keyResults = donorPage.getByRole("region", { name: "Key results" });
  const token = url.split("/s/")[1];
  const api = await (await donorPage.request.get(`/api/v1/shared/${token}/summary?view=overview`)).json();
  // Sent gzipped to a client that takes it, as browsers do (hundreds of kilobytes on a field office's
  // connection), compressed once, not twice, and read back the same.
  const zipped = await fetch(`${new URL(url).origin}/api/v1/shared/${token}/summary?view=overview`, {
    headers: { "accept-encoding": "gzip" },
  });
  expect(zipped.headers.get("content-encoding")).toBe("gzip");
  expect(await zipped.json()).toEqual(api);
  const overall = (code: string) =>
    api.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === code).overall;
  await expect(keyResults.locator('li[data-indicator="G.1"] [data-figure="actual"]')).toHaveText(
    `${overall("G.1").actual.toFixed(1)} %`,
  );
  await expect(keyResults.locator('li[data-indicator="OC1.2"]')).toContainText(
    `of ${overall("OC1.2").target.toFixed(1)}`,
  );
  await expect(keyResults.getByTestId("last-updated")).toContainText(/Last updated \w+ \d+, \d{4}/);
  // Where: the first headline's status per region on a map drawn by the server, and as a table.
  const keyMap = keyResults.locator("figure.key-map");
  await expect(keyMap.locator("svg path[data-place]")).toHaveCount(5);
  await keyMap.getByText("The map's figures as a table").click();
  await expect(keyMap.locator("tbody tr")).toHaveCount(5);
  // What changed since the last report: the demo's last quarter ended on December 31, 2021.
  const changes = donorPage.getByRole("region", { name: "What changed since the last report" });
  await expect(changes).toContainText("Values approved since 2021-Q4 ended (December 31, 2021).");
  // A status change said in words, its symbols beside them (never a bare "?" in the sentence).
  await expect(changes).toContainText(/Status (went from \S+ [^?]+ to|unchanged)/);
  await expect(changes).not.toContainText("?");
  // The same report as a PDF, in one click.
  const pdfDownload = donorPage.waitForEvent("download");
  await donorPage.getByRole("link", { name: "Download this report (PDF)" }).click();
  const pdf = readFileSync((await (await pdfDownload).path()) ?? "");
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdfText(pdf)).toContain("Key results");
  const legal = donorPage.locator('article[data-indicator="OP1.1.1"]');
  // Approved figures only: the submitted quarter is not there, and there is no preview switch.
  await expect(legal.locator('[data-figure="actual"]')).toHaveText("5,070");
  await legal.getByRole("button", { name: "Show charts" }).click();
  await expect(legal.locator('tr[data-row="PE-TUM"] [data-col="achieved"]')).toHaveText("1,110");
  await expect(donorPage.getByText("Include submitted values (preview)")).toHaveCount(0);
  await expect(donorPage.getByText("All figures and results")).toHaveCount(0);
  await expect(donorPage.getByText("Mateo Manager")).toHaveCount(0);

  const download = donorPage.waitForEvent("download");
  await donorPage.getByRole("link", { name: "Download all figures (CSV)" }).click();
  const csv = readFileSync((await (await download).path()) ?? "", "utf8");
  expect(csv).toContain("indicator_code,indicator_title");
  expect(csv).toMatch(
    /OP1\.1\.1,Number of people who received legal orientation,COUNT,people,overall,,,,,,0,8250,5070,/,
  );

  // The manager sees the visit, then revokes the link.
  await page.reload();
  const row = page.locator('tr[data-link="U.S. Government / PRM"]');
  await expect(row.locator('[data-col="opens"]')).not.toHaveText("0");
  await row.getByRole("button", { name: "Revoke U.S. Government / PRM" }).click();
  await expect(row.locator('[data-col="state"]')).toHaveText("Revoked");

  // The donor's open tab asks for other figures: the link no longer answers, and no figures stay shown.
  await donorPage.getByRole("form", { name: "Filters" }).getByLabel("As of").fill("2021-06-30");
  await expect(donorPage.locator("main [role=alert]")).toHaveText(/has been revoked or has expired/);
  await expect(donorPage.locator("article[data-indicator]")).toHaveCount(0);

  const gone = await donorPage.reload();
  expect(gone?.status()).toBe(410);
  await expect(donorPage.locator("main [role=alert]")).toHaveText(/has been revoked/);
  await expect(donorPage.getByRole("table")).toHaveCount(0);
  // The charts opened, the CSV downloaded and the page hydrated without the policy blocking anything.
  expect(blocked).toEqual([]);
  await donor.close();
});

test("a link may be embedded only by the sites its manager lists", async ({ page }) => {
  await openShareLinksPage(page);
  await page.getByLabel("Label").fill("Embedded on the donor's site");
  await page.getByLabel(/Sites that may embed this page/).fill("https://donor.example.org/reports");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText(/Enter each site as an https address/)).toBeVisible();
  await page
    .getByLabel(/Sites that may embed this page/)
    .fill("https://donor.example.org, https://partner.example.net");
  const url = await createShareLink(page, "Embedded on the donor's site");
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).toContain(
    "frame-ancestors https://donor.example.org https://partner.example.net",
  );
  expect(response.headers()["x-frame-options"]).toBeUndefined();
});

test("a link that does not exist answers 404 with what to do", async ({ page }) => {
  for (const token of [`s_${"A".repeat(43)}`, "not-a-token"]) {
    const response = await page.goto(`/s/${token}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("main [role=alert]")).toHaveText(/does not exist/);
  }
});

test("a manager's progress note appears with its period on the donor report", async ({ page, browser }) => {
  await openShareLinksPage(page);
  const url = await createShareLink(page, "Progress notes");
  await page.goto(page.url().replace(/\/share.*$/, "/schedule"));
  const row = page.locator('tr[data-period="2021-Q3"]');
  await row.getByText("Write a progress note").click();
  await row
    .getByRole("textbox", { name: "Progress note" })
    .fill("Floods in Tumbes delayed two legal orientation sessions.");
  await row.getByRole("button", { name: "Save note" }).click();
  await expect(row.getByRole("status")).toHaveText("Note saved.");

  const donor = await browser.newPage();
  await donor.goto(url);
  const notes = donor.getByRole("region", { name: "Progress notes" });
  await expect(notes.locator('article[data-period="2021-Q3"]')).toContainText(
    "Floods in Tumbes delayed two legal orientation sessions.",
  );
  await expect(notes.getByRole("heading", { level: 3 })).toHaveText(/^2021-Q3 \(Jul 1, 2021 – Sep 30, 2021\)$/);
  await donor.close();
});
