import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { bytesOf, tableRows } from "@/lib/formats/read/table-rows";
import { tableXlsx } from "./table-xlsx";

test("a table reads back as written, text that looks like a formula kept as text", async () => {
  const book = await tableXlsx(
    "Studies",
    ["title", "pages"],
    [
      ['=HYPERLINK("x")', 39],
      ["Ajolote, ñandú", null],
    ],
  );
  const rows = [];
  for await (const row of tableRows("xlsx", bytesOf(book))) rows.push(row.cells);
  expect(rows).toEqual([["title", "pages"], ['=HYPERLINK("x")', "39"], ["Ajolote, ñandú"]]);
  // Excel would run a formula cell; the text is a plain string cell.
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(book as unknown as ArrayBuffer);
  const cell = read.getWorksheet("Studies")?.getCell("A2");
  expect(cell?.type).toBe(ExcelJS.ValueType.String);
  expect(read.getWorksheet("Studies")?.getCell("B2").type).toBe(ExcelJS.ValueType.Number);
});
