import { expect, test } from "vitest";
import type { TableRow } from "@/lib/domain/imports/table-row";
import { bigInput } from "@/lib/testing/budgets";
import { bytesOf, csvRows, tableRows } from "./table-rows";

async function* chunks(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function all(text: string, size = 3): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of csvRows(chunks(text, size))) rows.push(row);
  return rows;
}

test("CSV rows stream in whatever chunks arrive: quotes, doubled quotes, newlines inside quotes, CRLF, BOM", async () => {
  const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",ñandú\n';
  expect(await all(text)).toEqual([
    { row: 1, cells: ["a", "b", "c"] },
    { row: 2, cells: ["1", "x, y", 'say "hi"'] },
    { row: 4, cells: ["2", "two\nlines", "ñandú"] },
  ]);
  expect(await all(text, 1)).toEqual(await all(text, 1000));
});

test("a semicolon-separated file (Excel in Spanish) and a last line without a newline", async () => {
  expect(await all("indicador;valor\nOP1;1,5")).toEqual([
    { row: 1, cells: ["indicador", "valor"] },
    { row: 2, cells: ["OP1", "1,5"] },
  ]);
});

/** An endless line of `text` repeated, counting the bytes read from it. */
function endless(text: string) {
  const chunk = new TextEncoder().encode(text.repeat(65_536 / text.length));
  const source = {
    read: 0,
    async *[Symbol.asyncIterator]() {
      for (;;) {
        source.read += chunk.length;
        yield chunk;
      }
    },
  };
  return source;
}

test("a line past Excel's column or cell limit is refused as the parser passes it, not once the line ends", async () => {
  // Why CSV is parsed here rather than by csv-parse: its records are whole before they can be checked,
  // so a 100 MB line of separators took 9 s and 1.7 GB (docs/architecture.md, "Libraries we use").
  for (const [text, code] of [
    [",", "tooManyColumns"],
    ["x", "cellTooLong"],
  ] as const) {
    const source = endless(text);
    await expect(async () => {
      for await (const _ of csvRows(source)) {
        // reading is what is refused
      }
    }).rejects.toMatchObject({ code });
    // The separator is picked from the first megabyte when no line ends before it.
    expect(source.read).toBeLessThanOrEqual(2 * 1024 * 1024);
  }
});

test(
  "XLSX files from other writers: SheetJS puts the sheets before the workbook; dates stay dates",
  bigInput,
  async () => {
    const XLSX = await import("xlsx");
    const ExcelJS = (await import("exceljs")).default;
    const rows = [
      ["indicator", "location", "period", "value"],
      ["OP1.1.1", "PE-TUM", new Date("2021-10-01T00:00:00Z"), 12.5],
    ];
    const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
    const sheetJsBook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(sheetJsBook, sheet, "Results");
    const fromSheetJs = XLSX.write(sheetJsBook, { type: "buffer", bookType: "xlsx" }) as Buffer;
    const excelBook = new ExcelJS.Workbook();
    excelBook.addWorksheet("Results").addRows(rows);
    const fromExcelJs = Buffer.from(await excelBook.xlsx.writeBuffer());
    for (const file of [fromSheetJs, fromExcelJs]) {
      const read: TableRow[] = [];
      for await (const row of tableRows("xlsx", bytesOf(new Uint8Array(file)), 10)) read.push(row);
      expect(read).toEqual([
        { row: 1, cells: ["indicator", "location", "period", "value"] },
        { row: 2, cells: ["OP1.1.1", "PE-TUM", "2021-10-01", "12.5"] },
      ]);
    }
  },
);

test("CSV encodings: UTF-8 with or without its mark and UTF-16 with its mark are read; Windows-1252 is refused", async () => {
  const text = "indicator,location,value\nOP1.1.1,Cañete,12\n";
  const expected = [
    { row: 1, cells: ["indicator", "location", "value"] },
    { row: 2, cells: ["OP1.1.1", "Cañete", "12"] },
  ];
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const utf16be = Buffer.from(utf16le).swap16();
  for (const bytes of [Buffer.from(text), Buffer.from(`\ufeff${text}`), utf16le, utf16be]) {
    const rows: TableRow[] = [];
    for await (const row of csvRows(bytesOf(new Uint8Array(bytes)))) rows.push(row);
    expect(rows).toEqual(expected);
  }
  const latin1 = Buffer.from(text, "latin1"); // "ñ" as the single byte 0xF1
  await expect(async () => {
    for await (const _ of csvRows(bytesOf(new Uint8Array(latin1)))) {
      // reading is what is refused
    }
  }).rejects.toMatchObject({ code: "notUtf8" });
});

/** A workbook's entries written again in the given order, each through `edit` (as other tools write them). */
async function rezipped(file: Buffer, order: (paths: string[]) => string[], edit = (_: string, b: Buffer) => b) {
  const { Open } = await import("unzipper");
  const archiver = (await import("archiver")).default;
  const { files } = await Open.buffer(file);
  const archive = archiver("zip");
  const parts: Buffer[] = [];
  archive.on("data", (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve) => archive.on("end", resolve));
  for (const path of order(files.map((f) => f.path))) {
    const entry = files.find((f) => f.path === path);
    if (entry) archive.append(edit(path, await entry.buffer()), { name: path });
  }
  await archive.finalize();
  await done;
  return Buffer.concat(parts);
}

test("sheets are read in the workbook's order and by their names, whatever the zip order or the relationships' form", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const book = new ExcelJS.Workbook();
  book.addWorksheet("submissions").addRows([["region", "_index"], ...[1, 2, 3, 4, 5].map((i) => ["PE-LIM", i])]);
  book
    .addWorksheet("feedback")
    .addRows([["feedback/comment", "_parent_index"], ...Array.from({ length: 12 }, (_, i) => ["ok", (i % 5) + 1])]);
  const written = Buffer.from(await book.xlsx.writeBuffer());
  const sheetsLast = (paths: string[]) => [
    ...paths.filter((p) => !p.startsWith("xl/worksheets/sheet")),
    ...paths
      .filter((p) => p.startsWith("xl/worksheets/sheet"))
      .sort()
      .reverse(),
  ];
  const variants = {
    "Excel for Mac (the repeat group's sheet first)": await rezipped(written, sheetsLast),
    "sheets before the workbook, the repeat group's first": await rezipped(written, (paths) =>
      [...sheetsLast(paths)].reverse(),
    ),
    "openpyxl (absolute relationship targets)": await rezipped(
      written,
      (paths) => paths,
      (path, bytes) =>
        path === "xl/_rels/workbook.xml.rels"
          ? Buffer.from(bytes.toString("utf8").replace(/Target="worksheets\//g, 'Target="/xl/worksheets/'))
          : bytes,
    ),
  };
  for (const [writer, file] of Object.entries(variants)) {
    const sheets = new Map<string, number>();
    for await (const row of tableRows("xlsx", bytesOf(new Uint8Array(file)), 100, true))
      sheets.set(row.sheet ?? "", (sheets.get(row.sheet ?? "") ?? 0) + 1);
    expect([...sheets], writer).toEqual([
      ["submissions", 6],
      ["feedback", 13],
    ]);
    const first: TableRow[] = [];
    for await (const row of tableRows("xlsx", bytesOf(new Uint8Array(file)), 100)) first.push(row);
    expect(first.length, writer).toBe(6);
  }
});
