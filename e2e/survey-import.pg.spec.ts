import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type Household, householdSurvey, koboWorkbook, midlineHouseholds } from "../lib/testing/kobo-workbook";
import { addMidlineSurvey } from "../lib/testing/survey-setup";
import { e2eDatabase } from "./database";
import { logInAs } from "./fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "survey-import-"));
async function exportFile(name: string, households: Household[]) {
  const at = path.join(dir, name);
  writeFileSync(at, await koboWorkbook(householdSurvey(households)));
  return at;
}

test.beforeAll(async () => {
  // The manager has added the midline round and a survey count to the Peru project.
  const { prisma, close } = e2eDatabase();
  try {
    await addMidlineSurvey(prisma);
  } finally {
    await close();
  }
});

test("an evaluator computes three indicators from a Kobo export with a repeat group, submits them, and reuses the rules", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const first = await exportFile("midline-lima-tumbes.xlsx", midlineHouseholds);

  await logInAs(page, "evaluator@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await page.getByRole("link", { name: "Import results" }).click();
  await page.getByRole("link", { name: "Import a survey export (KoboToolbox, ODK)" }).click();
  const form = page.getByRole("form", { name: "Compute indicators from a survey export" });
  await form.getByLabel("Survey export (XLSX or CSV)").setInputFiles(first);
  await expect(form.getByTestId("survey-file-summary")).toHaveText(
    "4 submissions. Repeat group members: 6 rows, joined to Household survey.",
  );
  // Where, when and the sex column are guessed from the column names.
  await expect(form.getByLabel("Place column (ISO code, name, or a GPS point inside a place's outline)")).toHaveValue(
    "location/region",
  );
  await expect(form.getByLabel(/^Date column \(each submission's round or period/)).toHaveValue("today");
  await expect(form.getByLabel("Sex: column")).toHaveValue("respondent/resp_sex");
  await expect(form.getByRole("checkbox", { name: /^Approved/ })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: /^On hold/ })).not.toBeChecked();

  const rule = (n: number) => form.getByRole("group", { name: `Indicator rule ${n}` });
  await rule(1).getByLabel("Indicator").selectOption({ label: "OC1.3 Number of people living in surveyed households" });
  await rule(1).getByLabel("Rows of").selectOption({ label: "members (repeat group)" });
  await form.getByRole("button", { name: "Add an indicator" }).click();
  await rule(2).getByLabel("Indicator").selectOption({
    label: "G.1 % of surveyed people who accessed at least one protection service when they needed it",
  });
  await expect(rule(2).getByLabel("Computed as")).toHaveValue("share");
  await rule(2).getByLabel("Condition").fill("accessed_service = yes");
  await form.getByRole("button", { name: "Add an indicator" }).click();
  await rule(3)
    .getByLabel("Indicator")
    .selectOption({ label: "OC1.2 Mean score of perceived social integration (1–5)" });
  await rule(3).getByLabel("Question").selectOption("integration/integration_score");

  await form.getByRole("button", { name: "Preview" }).click();
  const preview = form.getByTestId("survey-import-preview");
  await expect(preview.getByRole("status")).toHaveText(
    "4 submissions, 3 counted; 12 values, 0 of them replacing drafts.",
  );
  const values = preview.getByTestId("survey-import-values");
  const row = (...cells: string[]) => values.locator("tr").filter({ hasText: new RegExp(cells.join(".*")) });
  await expect(row("OC1.3", "Lima", "Total", "Midline survey", "4")).toHaveCount(1);
  await expect(row("OC1.3", "Tumbes", "Total", "Midline survey", "2")).toHaveCount(1);
  await expect(row("G.1", "Lima", "Total", "1 / 2 \\(50 %\\)")).toHaveCount(1);
  await expect(row("G.1", "Lima", "Female", "1 / 1")).toHaveCount(1);
  await expect(row("OC1.2", "Lima", "Total", "3.5")).toHaveCount(1);
  await expect(preview.getByTestId("survey-import-left-out")).toContainText(
    "2 rows left out: validation status not counted (2)",
  );
  await form.getByRole("button", { name: "Save and submit for review" }).click();
  await expect(preview.getByRole("heading", { name: "Saved" })).toBeVisible();

  // The dashboard's preview of submitted values shows the midline figures.
  await page.goto(page.url().replace(/\/import\/survey$/, ""));
  const filters = page.getByRole("form", { name: /filters/i });
  await filters.getByLabel("Period or round").selectOption({ label: "Midline survey" });
  await filters.getByLabel("Include submitted values (preview)").check();
  const actual = (code: string) => page.locator(`article[data-indicator="${code}"] [data-figure="actual"]`);
  await expect(actual("OC1.3")).toHaveText("6");
  await expect(actual("G.1")).toHaveText("66.7 %");
  // (4 + 3 + 5) / 3 over both places.
  await expect(actual("OC1.2")).toHaveText("4.0");

  // The next file: the same rules are filled in and apply as they are.
  const second = await exportFile("midline-piura.xlsx", [
    {
      region: "PE-PIU",
      today: "2021-05-20",
      sex: "female",
      protection: "no",
      integration: 3,
      members: ["female", "male"],
    },
    { region: "Piura", today: "2021-05-21", sex: "female", protection: "yes", integration: 4, members: ["male"] },
  ]);
  await page.goto(page.url().split("?")[0]?.concat("/import/survey") ?? "");
  await form.getByLabel("Survey export (XLSX or CSV)").setInputFiles(second);
  await expect(
    form.getByText("This project's rules from its last survey import are filled in: check them."),
  ).toBeVisible();
  await expect(rule(3).getByLabel("Question")).toHaveValue("integration/integration_score");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(row("OC1.3", "Piura", "Total", "3")).toHaveCount(1);
  await expect(row("G.1", "Piura", "Female", "1 / 2 \\(50 %\\)")).toHaveCount(1);
  await expect(row("OC1.2", "Piura", "Total", "3.5")).toHaveCount(1);
  await form.getByRole("button", { name: "Save as drafts" }).click();
  await expect(preview.getByRole("heading", { name: "Saved" })).toBeVisible();
});
