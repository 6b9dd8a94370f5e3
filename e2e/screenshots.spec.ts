// The pictures in docs/, taken from the running app (SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts
// --project=pglite). Skipped otherwise: they are documentation, not checks.
import { expect, test } from "@playwright/test";
import { createShareLink, openShareLinksPage } from "./fixtures";

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
});
