// Reach against need (#34): the places' population figures with their sources, kept on
// /organisation/population, and coverage = people reached / people in need on the library roll-up and
// on the project dashboard (server-rendered beside it).
import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

test("the roll-up and the dashboard show coverage of people in need with the figure's source and dates", async ({
  page,
}) => {
  await logInAs(page, "manager@example.org");
  await page.goto("/organisation");
  await page.getByRole("link", { name: "People reached, by sex" }).click();
  const rollup = page.getByTestId("rollup");
  await expect(rollup.getByRole("columnheader", { name: "Coverage of people in need" })).toBeVisible();
  // Peru: 5,070 reached of 1.2 million in need (an illustrative demo figure, for 2021).
  const peru = rollup.locator('tr[data-group="PE"] [data-col=coverage]');
  await expect(peru).toContainText("0.42% of people in need");
  await expect(peru).toContainText("in need: 1.2 million");
  await expect(peru).toContainText("Jan – Dec 2021");
  // Serbia has no figure: said so, no coverage.
  await expect(rollup.locator('tr[data-group="RS"] [data-col=coverage]')).toHaveText(
    "No people-in-need figure for Serbia.",
  );

  await page.goto("/projects");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  const need = page.getByTestId("reach-against-need");
  await expect(need.getByRole("heading", { name: "Reach against need" })).toBeVisible();
  const lima = need.locator('tr[data-indicator="OP1.1.1"][data-place="Lima"]');
  await expect(lima).toContainText("in need: 780 thousand");
  await expect(lima.locator("[data-col=coverage]")).toHaveText(/%$/);
});

test("a manager adds, corrects and deletes a figure of a project's place; bad numbers are refused on the field", async ({
  page,
}) => {
  await logInAs(page, "manager@example.org");
  await page.goto("/organisation");
  await page.getByRole("link", { name: "Population figures and people in need" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Population figures" })).toBeVisible();
  // The Honduras figure from the program documents, with its source and period.
  await expect(page.getByTestId("population")).toContainText(
    "in need: 2.9 million (31% of the population analysed), UTSAN, IPC (CIF) acute food insecurity analysis, Phase 3 or worse, Dec 2020 – Mar 2021",
  );
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Add a population figure" }) });
  // Honduras is not a place of the manager's projects: not offered.
  await expect(form.getByLabel("Place").locator("option", { hasText: "Honduras" })).toHaveCount(0);
  await form.getByLabel("Place").selectOption({ label: "Peru › Piura" });
  await form.getByLabel("Figure").selectOption("POPULATION");
  await form.getByLabel("People").fill("lots");
  await form.getByLabel("Period from").fill("2022-01-01");
  await form.getByLabel("Period to").fill("2022-12-31");
  await form.getByLabel("Source", { exact: true }).fill("E2E census projection");
  await form.getByRole("button", { name: "Add the figure" }).click();
  await expect(form.getByText("Not a number.")).toBeVisible();
  await expect(form.getByLabel("Source", { exact: true })).toHaveValue("E2E census projection");
  await form.getByLabel("People").fill("2,047,954");
  await form.getByRole("button", { name: "Add the figure" }).click();
  await expect(page.getByRole("status")).toHaveText("Figure saved.");
  const row = page.locator("tr", { hasText: "E2E census projection" });
  await expect(row.locator("[data-col=value]")).toHaveText("2,047,954");
  await expect(row).toContainText("Mateo Manager");

  await row.getByRole("link", { name: "Edit" }).click();
  const edit = page.locator("form", { has: page.getByRole("heading", { name: "Edit the population figure" }) });
  await expect(edit.getByLabel("People")).toHaveValue("2047954");
  await edit.getByLabel("People").fill("2,050,000");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(row.locator("[data-col=value]")).toHaveText("2,050,000");

  await row.getByRole("button", { name: /Delete/ }).click();
  await expect(page.locator("tr", { hasText: "E2E census projection" })).toHaveCount(0);
});

test("a viewer reads the figures, in Spanish, and has nothing to change", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-PE" });
  const page = await context.newPage();
  await logInAs(page, "viewer@example.org");
  await page.goto("/organisation/population");
  await expect(page.getByRole("heading", { level: 1, name: "Cifras de población" })).toBeVisible();
  await expect(page.getByTestId("population")).toContainText("con necesidades: 2,9 millones");
  await expect(page.getByRole("button", { name: /Eliminar/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Añadir una cifra de población" })).toHaveCount(0);
  await context.close();
});
