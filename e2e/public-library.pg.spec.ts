import { expect, test } from "@playwright/test";

// This server runs with PUBLIC_LIBRARY=1 (playwright.config.ts): anonymous visitors read the demo studies
// marked public, in English or Spanish as their browser asks, and print a study's page.
test("an anonymous visitor searches the public library and reads a public study, in en and es", async ({ browser }) => {
  const visitor = await browser.newContext({ locale: "en-US" });
  const page = await visitor.newPage();
  const response = await page.goto("/library");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evaluations library");
  const results = page.locator(".study-list");
  await expect(results).toContainText("Ciudad Juárez");
  await expect(results).toContainText("Women, Migration and Development");
  // Studies shared with donors or internal are neither listed nor found.
  await expect(results).not.toContainText("Alma Llanera");
  await expect(results).not.toContainText("Mobile Populations");
  await expect(results).not.toContainText("Qualitative study comparing");
  await page.getByLabel("Words in titles, abstracts and findings").fill("Alma Llanera");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=Alma/);
  await expect(page.locator(".study-list")).toHaveCount(0);

  await page.getByLabel("Words in titles, abstracts and findings").fill("Honduras");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.locator(".study-list li")).toHaveCount(1);
  await page.locator(".study-list").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/library\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Honduras");
  await expect(page.locator("main")).not.toContainText("PE-VEN-2021");
  // Printed: the study, without the tools and the back link.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("link", { name: /Library/ })).toBeHidden();
  await visitor.close();

  const spanish = await browser.newContext({ locale: "es-ES" });
  const es = await spanish.newPage();
  await es.goto("/library?type=rapid-gender-analysis");
  await expect(es.getByRole("heading", { level: 1 })).toHaveText("Biblioteca de evaluaciones");
  await expect(es.locator(".study-list li")).toHaveCount(1);
  await expect(es.locator(".study-list")).toContainText("Ciudad Juárez");
  await spanish.close();
});
