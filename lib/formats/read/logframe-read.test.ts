import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { bigInput } from "@/lib/testing/budgets";
import { sheets } from "./logframe-layout";
import { readLogframeWorkbook } from "./logframe-read";

test("a logframe sheet with more rows than any logframe holds is refused by name, not read", bigInput, async () => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Project").addRow(["code", "BIG"]);
  const targets = book.addWorksheet("Targets");
  targets.addRow([...sheets.Targets]);
  for (let i = 0; i < 10_001; i++) targets.addRow(["OP1", "lop", "", "", i]);
  const reading = await readLogframeWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
  expect(reading.definition).toBeNull();
  expect(reading.problems).toContainEqual({ where: "Targets", code: "tooManyRows", detail: "10000" });
});

test("a file that is no workbook is named as such", async () => {
  const reading = await readLogframeWorkbook(Buffer.from("code,name\n"));
  expect(reading.problems).toEqual([{ where: "file", code: "notXlsx" }]);
});

test("the logframe as CSV, as Excel writes it in Spanish (semicolons, decimal commas), with problems by section and row", async () => {
  const row = (sheet: keyof typeof sheets, values: Record<string, string>) =>
    sheets[sheet].map((c) => values[c] ?? "").join(";");
  const csv = [
    "#Project;",
    "code;LF-CSV",
    "name;Proyecto de prueba",
    "startDate;2024-01-01",
    "endDate;2024-12-31",
    "locations;PE",
    ";",
    "#Results;;;;",
    sheets.Results.join(";"),
    row("Results", { code: "OC1", level: "Outcome", title: "Resultado" }),
    "#Indicators",
    sheets.Indicators.join(";"),
    row("Indicators", { result: "OC1", code: "OC1.1", title: "Porcentaje", measure: "PERCENTAGE", baseline: "36,46" }),
    row("Indicators", { result: "OC1", code: "OC1.2", title: "Personas", measure: "COUNT", baseline: "1.200" }),
  ].join("\r\n");
  const reading = await readLogframeWorkbook(Buffer.from(`\uFEFF${csv}\r\n`));
  // "36,46" is 36.46 (never 3646); "1.200" could be either and is refused, named by section and row.
  expect(reading.problems).toEqual([{ where: "Indicators!J3", code: "ambiguous", detail: "1.200" }]);
  const fixed = await readLogframeWorkbook(Buffer.from(csv.replace(";1.200", ";1200")));
  expect(fixed.problems).toEqual([]);
  const indicators = fixed.definition?.nodes?.[0]?.indicators;
  expect(indicators?.map((i) => [i.code, i.baseline?.value])).toEqual([
    ["OC1.1", 36.46],
    ["OC1.2", 1200],
  ]);
  expect(fixed.definition?.name).toBe("Proyecto de prueba");
});
