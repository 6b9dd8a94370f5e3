import { expect, test } from "@playwright/test";
import { logIn, logInAs } from "./fixtures";

test("a wrong password gets a clear error and no session", async ({ page }) => {
  await logIn(page, "manager@example.org", "not-the-password");
  await expect(page.locator("form [role=alert]")).toHaveText("The e-mail or password is not correct.");
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login$/);
});

test("empty fields are named in the error", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await logInAs(page, "viewer@example.org");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login$/);
});
