// The pictures in docs/, taken from the running app (SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts
// --project=pglite; the PDF's page is drawn by pdftoppm, from Debian's poppler-utils). Skipped otherwise:
// they are documentation, not checks.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createShareLink, logInAs, openShareLinksPage } from "./fixtures";

test.skip(!process.env.SCREENSHOTS, "Set SCREENSHOTS=1 to refresh the pictures in docs/");

test("the donor report on a laptop and on a phone", async ({ page, browser }) => {
  await openShareLinksPage(page);
  const url = await createShareLink(page, "Screenshots");
  for (const [name, viewport] of [
    ["donor-report.png", { width: 1366, height: 900 }],
    ["donor-report-phone.png", { width: 390, height: 844 }],
  ] as const) {
    const donor = await browser.newPage({ viewport });
    await donor.goto(url);
    await expect(donor.getByRole("region", { name: "Key results" })).toBeVisible();
    await donor.screenshot({ path: `docs/${name}` });
    await donor.close();
  }
  // The report's PDF, first page (pdftoppm from poppler-utils draws it).
  const pdf = await page.request.get(url.replace("/s/", "/api/v1/shared/").concat("/report.pdf"));
  writeFileSync("/tmp/donor-report.pdf", await pdf.body());
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "80",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    "/tmp/donor-report.pdf",
    "docs/donor-report-pdf",
  ]);
});

test("the status map of an indicator on the dashboard", async ({ page }) => {
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  const legal = page.locator('article[data-indicator="OP1.1.1"]');
  await legal.getByRole("button", { name: "Show charts" }).click();
  const map = legal.locator('[data-chart$="OP1.1.1-map"]');
  await expect(map.locator("path[data-place]").first()).toBeVisible();
  await map.screenshot({ path: "docs/map.png" });
});
