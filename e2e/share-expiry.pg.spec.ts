import { expect, test } from "@playwright/test";
import { e2eDatabase } from "./database";
import { createShareLink, openShareLinksPage } from "./fixtures";

test("an expired share link shows a clear page with no data", async ({ page, browser }) => {
  await openShareLinksPage(page);
  const url = await createShareLink(page, "Expiring link");
  const donor = await browser.newContext();
  const donorPage = await donor.newPage();
  await donorPage.goto(url);
  await expect(donorPage.getByRole("heading", { level: 1 })).toHaveText(/Venezuelan migrants/);

  // Time passes: the link's expiry is now behind us.
  const { prisma, close } = e2eDatabase();
  try {
    await prisma.shareLink.updateMany({
      where: { label: "Expiring link" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
  } finally {
    await close();
  }
  const response = await donorPage.reload();
  expect(response?.status()).toBe(410);
  await expect(donorPage.locator("main [role=alert]")).toHaveText(/has expired/);
  await expect(donorPage.getByRole("table")).toHaveCount(0);
  await donor.close();
});
