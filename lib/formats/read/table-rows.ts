// Rows of an uploaded table, one at a time, so a large file is never held in memory whole: CSV parsed
// as it streams in (RFC 4180 quoting, a byte-order mark, comma or semicolon as separator, as Excel
// writes it in Spanish locales), XLSX written to a temporary file, checked against the zip limits, then
// read with exceljs's streaming reader (first sheet). A table has at most MAX_IMPORT_ROWS rows, and
// Excel's own caps hold for every table: 16,384 columns, 32,767 characters in a cell (a single-line
// file of millions of cells, or one cell of 50 MB, is refused as soon as it passes them). Uploads are
// read in a worker thread (off-thread.ts, `tableRowsOffThread` below).

import { createReadStream } from "node:fs";
import ExcelJS from "exceljs";
import { DomainError } from "@/lib/domain/errors";
import type { TableRefusal } from "@/lib/domain/imports/table-refusals";
import type { TableRow } from "@/lib/domain/imports/table-row";
import { env } from "@/lib/platform/env";
import { spoolToFile } from "./spool";
import { inStreamingOrder } from "./xlsx-order";
import { checkZip, ZipRefused } from "./zip-limits";

/** Excel's limits: columns in a sheet, characters in a cell. */
export const MAX_TABLE_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;

/** The file is not a table that may be read: broken, foreign, or past a limit (`code` says which). */
export class UnreadableTable extends DomainError {
  declare readonly code: TableRefusal;
  constructor(
    code: TableRefusal,
    readonly reason: string = code,
  ) {
    super(code, { fields: [{ field: "body", code }], message: `The file could not be read as a table: ${reason}` });
    this.name = "UnreadableTable";
  }
}

/** The encoding a byte-order mark names (UTF-16 either way round); UTF-8 (its mark dropped) otherwise. */
function encodingOf(first: Uint8Array): "utf-16le" | "utf-16be" | "utf-8" {
  if (first[0] === 0xff && first[1] === 0xfe) return "utf-16le";
  if (first[0] === 0xfe && first[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/**
 * The text of a CSV file: UTF-8 (with or without its mark) or UTF-16 with its mark. Anything else
 * (Windows-1252, "Latin-1", from older Excel) is refused where the first byte that is not UTF-8
 * appears, rather than stored with broken letters; the import then writes nothing.
 */
async function* textChunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  const decode = (chunk?: Uint8Array) => {
    try {
      return decoder?.decode(chunk, { stream: chunk !== undefined }) ?? "";
    } catch (error) {
      throw error instanceof TypeError ? new UnreadableTable("notUtf8") : error;
    }
  };
  for await (const chunk of source) {
    decoder ??= new TextDecoder(encodingOf(chunk), { fatal: true });
    yield decode(chunk);
  }
  const rest = decode();
  if (rest) yield rest;
}

function pickSeparator(text: string): string {
  const end = text.indexOf("\n");
  const line = text.slice(0, end < 0 ? text.length : end);
  return (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** CSV rows, numbered from 1 (the header) as a spreadsheet shows them. */
export async function* csvRows(source: AsyncIterable<Uint8Array>): AsyncGenerator<TableRow> {
  let separator: string | null = null;
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let afterQuote = false;
  let row = 1;
  const addCell = () => {
    if (cells.length >= MAX_TABLE_COLUMNS) throw new UnreadableTable("tooManyColumns");
    cells.push(field);
    field = "";
  };
  const endRow = () => {
    addCell();
    const done = { row, cells };
    cells = [];
    row++;
    return done;
  };
  // The parser over one piece of text; its state carries over between pieces.
  function* consume(text: string): Generator<TableRow> {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (field.length > MAX_CELL_CHARS) throw new UnreadableTable("cellTooLong");
      if (quoted) {
        if (c === '"') {
          quoted = false;
          afterQuote = true;
        } else field += c;
        continue;
      }
      if (c === '"') {
        // A doubled quote inside a quoted field is one quote.
        if (afterQuote) field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (c === separator) addCell();
      else if (c === "\n") {
        const done = endRow();
        if (done.cells.some((v) => v !== "")) yield done;
      } else if (c !== "\r") field += c;
    }
  }
  // The separator is the one the header line uses most: the text is held until that line is whole.
  let pending = "";
  for await (const chunk of textChunks(source)) {
    if (separator !== null) {
      yield* consume(chunk);
      continue;
    }
    pending += chunk;
    // A header line of over a megabyte (no table's) is read with the separator its start has most of.
    if (!pending.includes("\n") && pending.length < 1 << 20) continue;
    separator = pickSeparator(pending);
    yield* consume(pending.replace(/^\uFEFF/, ""));
  }
  if (separator === null) {
    separator = pickSeparator(pending);
    yield* consume(pending.replace(/^\uFEFF/, ""));
  }
  if (field !== "" || cells.length) {
    const done = endRow();
    if (done.cells.some((v) => v !== "")) yield done;
  }
}

/** A spreadsheet cell as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value).trim();
}

/** The first sheet's rows (or every sheet's), streamed, once the workbook has passed the zip limits. */
export async function* xlsxRows(source: AsyncIterable<Uint8Array>, allSheets = false): AsyncGenerator<TableRow> {
  // The upload's own errors (broken off, past its size limit) pass on as they are.
  const spooled = await spoolToFile(source);
  try {
    yield* xlsxFileRows(spooled.path, allSheets);
  } finally {
    await spooled.remove();
  }
}

/** The rows of a workbook on disk (see xlsxRows). */
async function* xlsxFileRows(file: string, allSheets: boolean): AsyncGenerator<TableRow> {
  await checkZip({ path: file }).catch((error) => {
    throw error instanceof ZipRefused ? new UnreadableTable(error.code) : error;
  });
  const ordered = await inStreamingOrder(file).catch((error) => {
    throw new UnreadableTable("unreadable", error instanceof Error ? error.message : String(error));
  });
  yield* workbookRows(ordered, allSheets);
}

async function* workbookRows(file: string, allSheets: boolean): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
  });
  try {
    for await (const sheet of reader) {
      const name = allSheets ? String((sheet as { name?: string }).name ?? "") : undefined;
      for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
        const raw = r.values as ExcelJS.CellValue[];
        if (raw.length - 1 > MAX_TABLE_COLUMNS) throw new UnreadableTable("tooManyColumns");
        const values = raw.slice(1).map(cellText);
        if (values.some((v) => v.length > MAX_CELL_CHARS)) throw new UnreadableTable("cellTooLong");
        if (values.some((v) => v !== "")) yield { row: r.number, cells: values, sheet: name };
      }
      if (!allSheets) return;
    }
  } catch (error) {
    if (error instanceof UnreadableTable) throw error;
    throw new UnreadableTable("unreadable", error instanceof Error ? error.message : String(error));
  }
}

/**
 * The rows of a CSV or XLSX table (the first sheet, or with `allSheets` every sheet's, each row naming
 * its sheet); more than `maxRows` in all is refused as soon as the next one comes.
 */
export async function* tableRows(
  format: "csv" | "xlsx",
  source: AsyncIterable<Uint8Array>,
  maxRows = env().MAX_IMPORT_ROWS,
  allSheets = false,
): AsyncGenerator<TableRow> {
  yield* capped(format === "csv" ? csvRows(source) : xlsxRows(source, allSheets), maxRows);
}

async function* capped(rows: AsyncIterable<TableRow>, maxRows: number): AsyncGenerator<TableRow> {
  let count = 0;
  for await (const row of rows) {
    if (++count > maxRows) throw new UnreadableTable("tooManyRows");
    yield row;
  }
}

/** `tableRows` of a file on disk (an upload spooled by tableRowsOffThread, read in the worker). */
export function tableFileRows(
  format: "csv" | "xlsx",
  file: string,
  maxRows = env().MAX_IMPORT_ROWS,
  allSheets = false,
): AsyncGenerator<TableRow> {
  return capped(format === "csv" ? csvRows(createReadStream(file)) : xlsxFileRows(file, allSheets), maxRows);
}

/** A whole buffer or string as a one-chunk source (tests, the JSON API). */
export async function* bytesOf(data: Uint8Array | string): AsyncGenerator<Uint8Array> {
  yield typeof data === "string" ? new TextEncoder().encode(data) : data;
}
