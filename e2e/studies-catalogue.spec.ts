import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { logInAs } from "./fixtures";

const columns =
  "id,type,title_en,title_es,languages,published,method,countries,visibility,abstract_en,abstract_es,fieldwork_start,fieldwork_end,pages,themes,projects,places,authors,commissioned_by,instruments";

test("a member downloads the library's catalogue as CSV with the page's filters", async ({ page }) => {
  await logInAs(page, "manager@example.org");
  await page.goto("/studies?type=rapid-gender-analysis");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download this list (CSV)" }).click();
  const csv = readFileSync((await (await download).path()) ?? "", "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe(columns);
  expect(lines.slice(1)).toHaveLength(1);
  expect(lines[1]).toContain("rapid-gender-analysis");
  expect(lines[1]).toContain("Ciudad Juárez");

  const workbook = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download this list (XLSX)" }).click();
  const xlsx = await workbook;
  expect(xlsx.suggestedFilename()).toBe("studies.xlsx");
  // An XLSX file is a ZIP archive.
  expect(
    readFileSync((await xlsx.path()) ?? "")
      .subarray(0, 2)
      .toString(),
  ).toBe("PK");
});

test("a manager imports a catalogue: the preview names each problem, the fixed file files its studies", async ({
  page,
}) => {
  await logInAs(page, "manager@example.org");
  await page.goto("/studies");
  await page.getByRole("link", { name: "Import a catalogue file" }).click();
  await expect(page.getByRole("heading", { name: "Import studies from a catalogue file" })).toBeVisible();
  const file = (rows: string[]) => ({
    name: "catalogue.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["type,title_en,title_es,published,pages,projects,visibility", ...rows].join("\n")),
  });
  const picker = page.getByLabel("Catalogue file (CSV or XLSX)");
  await picker.setInputFiles(
    file([
      'evaluation,Capybara final evaluation,Evaluación final capibara,30/11/2021,"1,200",PE-VEN-2021,INTERNAL',
      "survey,Capybara midline,,2021-02-30,,PE-VEN-2021,secret",
    ]),
  );
  await page.getByRole("button", { name: "Preview" }).click();
  const problems = page.getByTestId("catalogue-problems");
  await expect(problems).toContainText('Row 3, column type: "survey" is not a type of study.');
  await expect(problems).toContainText('Row 3, column published: "2021-02-30" is not a date');
  await expect(problems).toContainText('Row 3, column visibility: "secret" is not a visibility');
  await expect(page.getByRole("button", { name: "Import" })).toBeDisabled();

  await picker.setInputFiles(
    file([
      'evaluation,Capybara final evaluation,Evaluación final capibara,30/11/2021,"1,200",PE-VEN-2021,INTERNAL',
      "midline,Capybara midline,,2021-02-28,,PE-VEN-2021,DONORS",
    ]),
  );
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("No problem found")).toBeVisible();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("catalogue-imported")).toContainText("2 studies filed.");

  await page.goto("/studies?q=capybara");
  await expect(page.getByRole("link", { name: "Capybara final evaluation" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Capybara midline" })).toBeVisible();
});
