import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

test("an admin opens a project with two regions; its manager builds the logframe and sets targets", async ({
  browser,
}) => {
  const admin = await (await browser.newContext()).newPage();
  await logInAs(admin, "admin@example.org");
  await admin.getByRole("link", { name: "New project" }).click();
  const form = admin.getByRole("form", { name: "Create a project" });
  await form.getByLabel("Code", { exact: true }).fill("E2E-SETUP");
  await form.getByLabel("Name", { exact: true }).fill("Legal orientation in the north");
  await form.getByLabel("Start date").fill("2025-01-01");
  await form.getByLabel("End date").fill("2025-12-31");
  await form.getByLabel("Tumbes").check();
  await form.getByLabel("Piura").check();
  await form.getByLabel("Manager's e-mail").fill("nobody@example.org");
  await form.getByRole("button", { name: "Create project" }).click();
  // Refused with the field named; what was typed stays.
  await expect(form.getByText("No user has this e-mail.")).toBeVisible();
  await expect(form.getByLabel("Code", { exact: true })).toHaveValue("E2E-SETUP");
  await expect(form.getByLabel("Piura")).toBeChecked();
  await form.getByLabel("Manager's e-mail").fill("manager@example.org");
  await form.getByRole("button", { name: "Create project" }).click();
  await expect(admin.getByRole("heading", { name: "Logframe and indicators" })).toBeVisible();

  const manager = await (await browser.newContext()).newPage();
  await logInAs(manager, "manager@example.org");
  await manager.getByRole("link", { name: "Legal orientation in the north" }).click();
  await manager.getByRole("link", { name: "Logframe and indicators" }).click();

  const result = manager.getByRole("form", { name: "Add a result" });
  await result.getByLabel("Code").fill("OC1");
  await result.getByLabel("Title").fill("Migrants know their rights");
  await result.getByRole("button", { name: "Add a result" }).click();
  await expect(manager.getByRole("heading", { name: /OC1 Migrants know their rights/ })).toBeVisible();

  const indicator = manager.getByRole("form", { name: "Add an indicator" });
  await indicator.getByLabel("Code").fill("OC1.1");
  await indicator.getByLabel("Title").fill("People given legal orientation");
  await indicator.getByLabel("Sex").check();
  await indicator.getByRole("button", { name: "Save" }).click();
  await expect(manager.locator('tr[data-indicator="OC1.1"]')).toBeVisible();

  await indicator.getByLabel("Code").fill("OC1.2");
  await indicator.getByLabel("Title").fill("% who know where to get legal help");
  await indicator.getByLabel("Measure").selectOption("PERCENTAGE");
  await indicator.getByLabel("Baseline numerator (percentages)").fill("50");
  await indicator.getByLabel("Baseline denominator (percentages)").fill("40");
  await indicator.getByRole("button", { name: "Save" }).click();
  await expect(indicator.getByText("The numerator is larger than the denominator.")).toBeVisible();
  await indicator.getByLabel("Baseline denominator (percentages)").fill("200");
  await indicator.getByRole("button", { name: "Save" }).click();
  await expect(manager.locator('tr[data-indicator="OC1.2"]')).toBeVisible();

  // Targets for the count: the places' sum is checked against the overall target while typing.
  await manager.getByRole("link", { name: "Targets" }).click();
  await manager.getByRole("link", { name: "OC1.1", exact: true }).click();
  await expect(manager.getByRole("heading", { name: /OC1.1 People given/ })).toBeVisible();
  const lop = manager.locator('tr[data-row="Life of project"]');
  await lop.getByRole("textbox", { name: "Life of project · Overall" }).fill("120");
  await lop.getByRole("textbox", { name: "Life of project · Tumbes" }).fill("60");
  await lop.getByRole("textbox", { name: "Life of project · Piura" }).fill("40");
  await expect(lop.locator('[data-col="sum"]')).toContainText("100");
  await expect(lop.getByText("does not match the overall target")).toBeVisible();
  await lop.getByRole("textbox", { name: "Life of project · Overall" }).fill("100");
  await expect(lop.getByText("does not match the overall target")).toHaveCount(0);
  await manager.locator('tr[data-row="2025-Q1"]').getByRole("textbox", { name: "2025-Q1 · Tumbes" }).fill("12.5");
  await manager.getByRole("button", { name: "Save targets" }).click();
  await expect(manager.getByText("Must be a whole number.")).toBeVisible();
  await manager.locator('tr[data-row="2025-Q1"]').getByRole("textbox", { name: "2025-Q1 · Tumbes" }).fill("15");
  await manager.getByRole("button", { name: "Save targets" }).click();
  await expect(manager.getByText("Targets saved.")).toBeVisible();

  await manager.getByRole("link", { name: "OC1.2", exact: true }).click();
  await expect(manager.getByRole("heading", { name: /OC1.2 % who know/ })).toBeVisible();
  await manager.getByRole("textbox", { name: "Life of project · Overall" }).fill("340/400");
  await manager.getByRole("button", { name: "Save targets" }).click();
  await expect(manager.getByText("Targets saved.")).toBeVisible();
  await manager.reload();
  await expect(manager.getByRole("textbox", { name: "Life of project · Overall" })).toHaveValue("340/400");

  // The dashboard shows the new indicators with their targets.
  await manager.getByRole("link", { name: "← Legal orientation in the north" }).click();
  await expect(manager.getByText("People given legal orientation").first()).toBeVisible();
  await expect(manager.getByText("% who know where to get legal help").first()).toBeVisible();
});

test("an admin previews an IATI file, sees its problems or warnings, and imports it", async ({ page }) => {
  await logInAs(page, "admin@example.org");
  await page.goto("/projects/new");
  const form = page.getByRole("form", { name: "Import a project" });

  const dir = mkdtempSync(path.join(tmpdir(), "iati-e2e-"));
  const broken = path.join(dir, "broken.xml");
  writeFileSync(broken, '<iati-activities version="2.03"><iati-activity><title>');
  await form.getByLabel("File", { exact: true }).setInputFiles(broken);
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByTestId("import-problems")).toContainText("The file is not well-formed XML.");
  await expect(form.getByRole("button", { name: "Import" })).toBeDisabled();

  await form
    .getByLabel("File", { exact: true })
    .setInputFiles(path.resolve("test/fixtures/iati/iati-worldbank-679-2.03.xml"));
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByTestId("import-preview")).toContainText("P145054");
  await expect(form.getByText("No problems found: the project can be imported.")).toBeVisible();
  // Two of its five activities, each its own project, imported together.
  const activities = form.getByRole("group", { name: "Activities to import" });
  await activities.getByRole("checkbox", { name: /^44000-P145054/ }).uncheck();
  await activities.getByRole("checkbox", { name: /^44000-P171269/ }).check();
  await activities.getByRole("checkbox", { name: /^44000-P171054/ }).check();
  await form.getByRole("button", { name: "Preview" }).click();
  const preview = form.getByTestId("import-preview");
  await expect(preview).toContainText("P171269 ·");
  await expect(preview).toContainText("P171054 ·");
  await expect(preview).not.toContainText("P145054 ·");
  await preview.getByText(/indicators with baseline, targets and actuals/).click();
  await expect(preview.getByTestId("import-indicators").locator("tbody tr").first()).toContainText("P171269 · ");
  await form.getByRole("button", { name: "Import" }).click();
  // The first imported project opens (not /projects/new, where the form was).
  await expect(page).toHaveURL(/\/projects\/(?!new$)[^/]+$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/./);
  await page.goto("/projects");
  await expect(page.locator('tr[data-project="P171269"]')).toBeVisible();
  await expect(page.locator('tr[data-project="P171054"]')).toBeVisible();
});
