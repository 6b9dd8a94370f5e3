import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

const demoProjects = ["PE-VEN-2021", "WB-ROMA-W", "SA-HIV-MOB"];

test("the portfolio lists the demo projects, filters by country and donor, and each dashboard agrees with the API", async ({
  page,
}) => {
  await logInAs(page, "manager@example.org");
  const rows = page.locator("tr[data-project]");
  await expect(rows).toHaveCount(3);

  const filters = page.getByRole("form", { name: "Filter projects" });
  await filters.getByRole("combobox", { name: "Country" }).selectOption({ label: "Serbia" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-project", "WB-ROMA-W");
  await filters.getByRole("combobox", { name: "Country" }).selectOption({ label: "All countries" });
  await filters.getByRole("combobox", { name: "Donor" }).selectOption("U.S. Government / PRM");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-project", "PE-VEN-2021");

  for (const code of demoProjects) {
    await page.goto("/projects");
    const row = page.locator(`tr[data-project="${code}"]`);
    const offTrack = await row.locator('[data-col="offTrack"]').textContent();
    await row.getByRole("link").click();
    await page.waitForURL(/\/projects\/[^/?]+$/);
    const projectId = new URL(page.url()).pathname.split("/").pop();
    const summary = await (await page.request.get(`/api/v1/projects/${projectId}/summary`)).json();
    const counted = (status: string) =>
      summary.indicators.filter((i: { overall: { status: string } }) => i.overall.status === status).length;
    await expect(page.locator('.headline li[data-status="offTrack"] strong')).toHaveText(String(counted("offTrack")));
    await expect(page.locator('.headline li[data-status="onTrack"] strong')).toHaveText(String(counted("onTrack")));
    expect(offTrack).toBe(String(counted("offTrack")));
    // Every indicator card shows the engine's overall figure.
    await expect(page.locator("article[data-indicator]")).toHaveCount(summary.indicators.length);
  }
});

test("an indicator's page shows all its figures, its results with review status, and its history", async ({ page }) => {
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await page
    .locator('article[data-indicator="OP1.1.1"]')
    .getByRole("link", { name: "All figures and results" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /OP1.1.1 Number of people who received legal orientation/,
  );
  await expect(page.getByText("Routine monitoring by period")).toBeVisible();
  const figures = page.getByRole("table", { name: "All figures" });
  await expect(figures.locator('tr[data-row="overall"] [data-col="achieved"]')).toHaveText("5,070");
  const results = page.getByRole("table", { name: /results by location and period or round/ });
  // Each result with its review status (the drafts of the open quarter may have been submitted by now).
  await expect(results.locator('tr[data-status="APPROVED"]').first()).toBeVisible();
  await expect(results.locator('tr[data-status="SUBMITTED"]').first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "History of changes" })).toBeVisible();
});
