// A plain table as an XLSX workbook: one sheet, a bold, frozen, filterable header, then the rows. Text is
// written as text cells (never as formulas), so a value such as "=1+1" stays the text it was; numbers
// stay numbers.
import ExcelJS from "exceljs";
import type { CsvValue } from "./csv";

export async function tableXlsx(sheetName: string, header: readonly string[], rows: CsvValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = header.map((key) => ({ header: key, key, width: Math.max(12, key.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(header.length, 1) } };
  for (const row of rows) sheet.addRow(row.map((v) => (v === undefined ? null : v)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
