// The XLSForm a survey was built from (its `survey` and `choices` sheets), read for the names behind an
// export's columns: each question's type and label, and a choice list's names with their labels. Optional:
// an export reads without it.
import ExcelJS from "exceljs";
import { cellText } from "@/lib/formats/read/table-rows";
import { checkZip } from "@/lib/formats/read/zip-limits";

export type FormQuestion = { name: string; type: string; label: string; choices: { name: string; label: string }[] };

function rowsOf(sheet: ExcelJS.Worksheet | undefined): Record<string, string>[] {
  if (!sheet) return [];
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    header[col] = cellText(cell.value).trim();
  });
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const record: Record<string, string> = {};
    header.forEach((h, col) => {
      if (h) record[h] = cellText(row.getCell(col).value).trim();
    });
    rows.push(record);
  });
  return rows;
}

/** The label column: "label", or the first translation ("label::English (en)"). */
const labelOf = (row: Record<string, string>) =>
  row.label || Object.entries(row).find(([k]) => k.startsWith("label::"))?.[1] || "";

/** The form's questions by name (groups and notes left out). */
export async function readXlsForm(bytes: Uint8Array): Promise<Map<string, FormQuestion>> {
  await checkZip(Buffer.from(bytes));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const choices = new Map<string, { name: string; label: string }[]>();
  for (const c of rowsOf(book.getWorksheet("choices"))) {
    const list = c.list_name ?? c["list name"] ?? "";
    if (!list || !c.name) continue;
    choices.set(list, [...(choices.get(list) ?? []), { name: c.name, label: labelOf(c) }]);
  }
  const questions = new Map<string, FormQuestion>();
  for (const q of rowsOf(book.getWorksheet("survey"))) {
    const [type = "", list] = (q.type ?? "").split(/\s+/);
    if (!q.name || /^(begin|end)[ _]/.test(q.type ?? "") || type === "note") continue;
    questions.set(q.name, { name: q.name, type, label: labelOf(q), choices: list ? (choices.get(list) ?? []) : [] });
  }
  return questions;
}
