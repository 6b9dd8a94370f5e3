import { expect, test } from "@playwright/test";
import { csvFile, openResultsImport } from "./fixtures";

test("an evaluator imports a table: problems by row and column, nothing saved; fixed and re-run, it imports", async ({
  page,
}) => {
  const form = await openResultsImport(page);

  const header = "indicator,region,period,sex,value";
  await form
    .getByLabel("CSV or XLSX file")
    .setInputFiles(
      csvFile("with-errors.csv", [
        header,
        "OP1.1.1,PE-LIM,2021-Q4,female,12",
        "OP1.1.1,PE-LIM,2021-Q4,male,-4",
        "OP1.1.1,Lima Norte,2021-Q4,female,3",
      ]),
    );
  // The columns are guessed from their names.
  await expect(form.getByLabel("Place (ISO code or name)")).toHaveValue("region");
  await expect(form.getByLabel("Disaggregation option")).toHaveValue("sex");
  await form.getByRole("button", { name: "Preview" }).click();
  const problems = form.getByTestId("results-import-problems");
  await expect(problems).toContainText("2 problems");
  await expect(problems.locator("tr", { hasText: "Must not be negative." })).toContainText("3value");
  await expect(problems.locator("tr", { hasText: "Not in this project." })).toContainText("4region");
  await expect(form.getByRole("button", { name: "Import" })).toBeDisabled();

  await form
    .getByLabel("CSV or XLSX file")
    .setInputFiles(csvFile("fixed.csv", [header, "OP1.1.1,PE-LIM,2021-Q4,female,12", "OP1.1.1,PE-LIM,2021-Q4,male,4"]));
  // A refused preview saved nothing, not even its columns: they are guessed again.
  await expect(form.getByText("The columns were guessed from their names: check them.")).toBeVisible();
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByTestId("results-import-preview")).toContainText(
    "2 rows read (0 left out as not approved) make 2 values",
  );
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("heading", { name: "Imported" })).toBeVisible();
  // Once something was imported, its columns are offered next time.
  await form
    .getByLabel("CSV or XLSX file")
    .setInputFiles(csvFile("next.csv", [header, "OP1.1.1,PE-CAL,2021-Q3,female,1"]));
  await expect(form.getByText("The columns used in this project's last import are chosen.")).toBeVisible();

  // The imported values are drafts the evaluator can see in the entry grid.
  await page.getByRole("link", { name: "Open the entry grid" }).click();
  await page.getByRole("link", { name: "2021-Q4", exact: true }).click();
  await expect(page.locator("input[value='12']").first()).toBeVisible();
});

test("a large table shows how far the server has come while it is read, then the report", async ({ page }) => {
  const form = await openResultsImport(page);
  const rows = Array.from({ length: 60_000 }, (_, i) => `OP1.1.2,PE-LAL,2021-Q4,,${i % 2}`);
  await form
    .getByLabel("CSV or XLSX file")
    .setInputFiles(csvFile("large.csv", ["indicator,region,period,sex,value", ...rows]));
  await expect(form.getByLabel("Place (ISO code or name)")).toHaveValue("region");
  await form.getByRole("button", { name: "Preview" }).click();
  const bar = form.locator(".import-progress");
  await expect(bar.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  await expect(form.getByTestId("results-import-preview")).toContainText("60,000 rows read");
  await expect(bar).toHaveCount(0);
});
