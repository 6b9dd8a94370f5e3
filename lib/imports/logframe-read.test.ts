import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { sheets } from "./logframe-layout";
import { readLogframeWorkbook } from "./logframe-read";

test("a logframe sheet with more rows than any logframe holds is refused by name, not read", async () => {
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
