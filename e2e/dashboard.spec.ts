import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

test("a program manager opens a project and reads target vs achieved per region", async ({ page }) => {
  await logInAs(page, "manager@example.org");
  await expect(page.getByRole("heading", { name: "Your projects" })).toBeVisible();
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Venezuelan migrants and refugees in Peru/);

  await page.getByRole("link", { name: /OP1.1.1 Number of people who received legal orientation/ }).click();
  const chart = page.locator(".chart-box svg.recharts-surface[role=application]");
  await expect(chart).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();

  const table = page.getByRole("table", { name: /legal orientation/ });
  // Tumbes: approved quarters 310 + 420 + 380; the submitted and draft quarters do not count.
  const tumbes = table.locator('tr[data-region="PE-TUM"]');
  await expect(tumbes.locator('[data-col="target"]')).toHaveText("1,800");
  await expect(tumbes.locator('[data-col="achieved"]')).toHaveText("1,110");
  await expect(tumbes.locator('[data-col="achievement"]')).toHaveText("62%");
  const total = table.locator('tr[data-region="total"]');
  await expect(total.locator('[data-col="target"]')).toHaveText("8,250");
  // 1,110 (Tumbes) + 680 (Piura) + 590 (La Libertad) + 2,190 (Lima) + 500 (Callao).
  await expect(total.locator('[data-col="achieved"]')).toHaveText("5,070");

  // The table shows the numbers the summary API serves (the same engine function).
  const projectId = new URL(page.url()).pathname.split("/").pop();
  const api = await page.request.get(`/api/v1/projects/${projectId}/summary`);
  expect(api.ok()).toBe(true);
  const legal = (await api.json()).indicators.find(
    (i: { indicator: { code: string } }) => i.indicator.code === "OP1.1.1",
  );
  expect(legal.overall.actual).toBe(5070);
  expect(legal.byLocation.find((l: { isoCode: string }) => l.isoCode === "PE-TUM").actual).toBe(1110);

  await page.getByText("How was this computed?").click();
  await expect(page.getByText("Counts added up.")).toBeVisible();
  await expect(page.getByText("15 results (approved)")).toBeVisible();

  // The manager's preview adds the submitted quarter, clearly marked.
  await page.getByRole("link", { name: "Include submitted values (preview)" }).click();
  await expect(page.getByRole("status")).toHaveText(/Preview/);
  await expect(tumbes.locator('[data-col="achieved"]')).toHaveText("1,470");
});

test("a percentage indicator sums numerators and denominators across regions", async ({ page }) => {
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await page.getByRole("link", { name: /G.1 % of surveyed people who accessed/ }).click();
  const table = page.getByRole("table", { name: /accessed at least one protection service/ });
  const total = table.locator('tr[data-region="total"]');
  // Final evaluation: (49 + 41 + 36 + 52 + 44) / (76 + 74 + 73 + 76 + 73) = 222 / 372.
  await expect(total.locator('[data-col="counts"]')).toHaveText("222 / 372");
  await expect(total.locator('[data-col="achieved"]')).toHaveText("59.7 %");
  await expect(total.locator('[data-col="target"]')).toHaveText("60.0 %");
});
