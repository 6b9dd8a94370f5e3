import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

test("signing out everywhere ends the sessions on other devices too", async ({ page, browser }) => {
  await logInAs(page, "viewer@example.org");
  const other = await browser.newContext({ locale: "en-US" });
  const otherPage = await other.newPage();
  await logInAs(otherPage, "viewer@example.org");

  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  // A wrong current password is named, and nothing changes.
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password (at least 10 characters)").fill("a long new passphrase");
  await page.getByLabel("New password again").fill("a long new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is not your current password.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await expect(page.getByRole("status")).toHaveText("You were signed out on every device.");

  // The other device's session cookie no longer opens anything, page or API.
  const api = await otherPage.request.get("/api/v1/projects/none/summary");
  expect(api.status()).toBe(401);
  await otherPage.goto("/projects");
  await expect(otherPage).toHaveURL(/\/login$/);
  await logInAs(otherPage, "viewer@example.org");
  await other.close();
});

test("a forgotten password, where the server sends no e-mail, says to ask an administrator", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forgotten password");
  await page.getByLabel("E-mail").fill("viewer@example.org");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.locator("main [role=alert]")).toContainText("Ask your administrator for a reset link");
  const unusable = await page.goto(`/reset/r_${"x".repeat(43)}`);
  expect(unusable?.status()).toBe(404);
  await expect(page.locator("main [role=alert]")).toHaveText(/works once, for an hour/);
});
