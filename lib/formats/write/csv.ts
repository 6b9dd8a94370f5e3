// CSV as RFC 4180: comma-separated, CRLF line ends, fields quoted when needed, UTF-8 with a byte-order
// mark so spreadsheet programs read accents correctly.

import { plainNumber } from "./plain-number";

export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? plainNumber(value) : String(value);
  // A leading =, +, - or @ (or their full-width forms, or a tab or carriage return before them) would be
  // run as a formula by spreadsheet programs.
  const safe = /^[=+\-@\t\r＝＋－＠]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: CsvValue[]): string {
  return `${values.map(field).join(",")}\r\n`;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return `\uFEFF${csvLine(header)}${rows.map(csvLine).join("")}`;
}
