import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

test("switching to Spanish translates the interface and formats numbers, and is remembered", async ({ page }) => {
  await logInAs(page, "manager@example.org");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { name: "Sus proyectos" })).toBeVisible();
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  const actual = page.locator('article[data-indicator="OP1.1.1"] [data-figure="actual"]');
  await expect(page.getByText("Meta").first()).toBeVisible();
  await expect(actual).toHaveText("5070");

  await page.reload();
  await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(actual).toHaveText("5,070");
});

test("the login page follows the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-PE" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
  await context.close();
});
