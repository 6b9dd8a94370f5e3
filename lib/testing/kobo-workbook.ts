// A workbook in KoboToolbox's XLSX export layout, for tests: the submissions on the first sheet (named
// after the form), each repeat group on its own sheet whose rows carry `_index`, `_parent_table_name`
// and `_parent_index`, as KoboToolbox writes them (see test/fixtures/README.md).
import ExcelJS from "exceljs";

export type KoboSheet = { name: string; rows: Record<string, string | number>[] };

export async function koboWorkbook(sheets: KoboSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    const headers = [...new Set(sheet.rows.flatMap((r) => Object.keys(r)))];
    ws.addRow(headers);
    for (const r of sheet.rows) ws.addRow(headers.map((h) => r[h] ?? ""));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
