import { expect, test } from "@playwright/test";
import { e2eDatabase } from "./database";
import { csvFile, openResultsImport } from "./fixtures";

test("on PostgreSQL the page's import runs as a background job: 202 at once, then the report, all or nothing", async ({
  page,
}) => {
  const form = await openResultsImport(page);
  const header = "indicator,region,period,sex,value";
  const uploaded = () => page.waitForResponse((r) => r.url().includes("/results/upload?"));

  await form
    .getByLabel("CSV or XLSX file")
    .setInputFiles(
      csvFile("with-errors.csv", [header, "OP1.1.1,PE-LIM,2021-Q4,female,12", "OP1.1.1,Atlantis,2021-Q4,male,4"]),
    );
  await expect(form.getByLabel("Place (ISO code or name)")).toHaveValue("region");
  const refused = uploaded();
  await form.getByRole("button", { name: "Preview" }).click();
  expect((await refused).status()).toBe(202);
  const problems = form.getByTestId("results-import-problems");
  await expect(problems.locator("tr", { hasText: "Not in this project." })).toContainText("3region");

  await form
    .getByLabel("CSV or XLSX file")
    .setInputFiles(csvFile("fixed.csv", [header, "OP1.1.1,PE-LIM,2021-Q4,female,12", "OP1.1.1,PE-LIM,2021-Q4,male,4"]));
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByTestId("results-import-preview")).toContainText("2 rows read");
  const imported = uploaded();
  await form.getByRole("button", { name: "Import" }).click();
  expect((await imported).status()).toBe(202);
  await expect(form.getByRole("heading", { name: "Imported" })).toBeVisible();

  // The values are saved, each job ran to completion, and no file is kept.
  const { prisma, close } = e2eDatabase();
  try {
    const saved = await prisma.result.findMany({
      where: { indicator: { code: "OP1.1.1", project: { code: "PE-VEN-2021" } }, period: { label: "2021-Q4" } },
      select: { value: true, option: { select: { key: true } }, location: { select: { isoCode: true } } },
    });
    expect(
      saved
        .filter((r) => r.location.isoCode === "PE-LIM" && r.option)
        .map((r) => Number(r.value))
        .sort((a, b) => a - b),
    ).toEqual([4, 12]);
    expect(await prisma.importUpload.count()).toBe(0);
    const jobs = await prisma.$queryRawUnsafe<{ state: string }[]>(
      "SELECT state::text FROM pgboss.job WHERE name = 'results-import' UNION ALL SELECT state::text FROM pgboss.archive WHERE name = 'results-import'",
    );
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    expect(jobs.every((j) => j.state === "completed")).toBe(true);
  } finally {
    await close();
  }
});
