import { setTimeout as sleep } from "node:timers/promises";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expect, test } from "vitest";
import type { TableRow } from "@/lib/domain/imports/table-row";
import { pdfBomb } from "@/lib/testing/pdf-bomb";
import { readOffThread } from "./off-thread";
import { readSurveyOffThread, tableRowsOffThread } from "./table-off-thread";
import { bytesOf } from "./table-rows";

const csv = (rows: number) =>
  ["indicator,location,value", ...Array.from({ length: rows }, (_, i) => `OP1,PE-LIM,${i}`)].join("\n");

async function all(rows: AsyncIterable<TableRow>) {
  const read: TableRow[] = [];
  for await (const row of rows) read.push(row);
  return read;
}

test("a table's rows come from the worker in order, in batches, as plain rows", { timeout: 60_000 }, async () => {
  const rows = await all(tableRowsOffThread("csv", bytesOf(csv(2500))));
  expect(rows).toHaveLength(2501);
  expect(rows[0]).toEqual({ row: 1, cells: ["indicator", "location", "value"] });
  expect(rows.at(-1)).toEqual({ row: 2501, cells: ["OP1", "PE-LIM", "2499"] });
});

test("a table read past its time or memory limit is refused by name", { timeout: 120_000 }, async () => {
  const slow = all(tableRowsOffThread("csv", bytesOf(csv(10)), undefined, false, { timeoutMs: 1, maxMemoryMb: 1024 }));
  await expect(slow).rejects.toMatchObject({ name: "UnreadableTable", code: "readTimedOut" });
  // A survey export is held whole: ten thousand repeat columns unfolded need more than 16 MB.
  const header = ["region", ...Array.from({ length: 10_000 }, (_, i) => `members[${i + 1}]/sex`)].join(",");
  const answers = Array.from({ length: 200 }, () => ["PE-LIM", ...Array(10_000).fill("female")].join(","));
  const greedy = readSurveyOffThread("csv", bytesOf([header, ...answers].join("\n")), undefined, {
    timeoutMs: 120_000,
    maxMemoryMb: 16,
  });
  await expect(greedy).rejects.toMatchObject({ name: "UnreadableTable", code: "readTooLarge" });
});

test("the time limit counts the worker's reading, not the caller's work between batches", {
  timeout: 60_000,
}, async () => {
  const limits = { timeoutMs: 3_000, maxMemoryMb: 1024 };
  let rows = 0;
  for await (const row of tableRowsOffThread("csv", bytesOf(csv(3000)), undefined, false, limits)) {
    // A slow caller (a database check per batch): 3.6 s in all, past the limit, without refusal.
    if (row.row % 1000 === 0) await sleep(1200);
    rows++;
  }
  expect(rows).toBe(3001);
});

test("a reader's own refusal crosses back with its class and code; data comes back structured-cloned", {
  timeout: 60_000,
}, async () => {
  await expect(all(tableRowsOffThread("csv", bytesOf(new Uint8Array([0x41, 0xe9, 0x0a]))))).rejects.toMatchObject({
    name: "UnreadableTable",
    code: "notUtf8",
  });
  const reading = await readOffThread("boundaries", {
    text: JSON.stringify({
      type: "Feature",
      properties: { name: "Lima" },
      geometry: { type: "Point", coordinates: [-77.0428, -12.0464] },
    }),
    places: [{ locationId: "lima", isoCode: "PE-LIM", name: "Lima" }],
  });
  expect(reading).toEqual({
    ok: true,
    matched: [{ locationId: "lima", name: "Lima", boundary: null, point: [-77.0428, -12.0464] }],
    unmatched: [],
  });
});

test("a decompression bomb is refused past the memory limit though the worker's heap stays small", {
  timeout: 60_000,
}, async () => {
  // 200 KB inflating to 200 MB of spaces: pdf.js holds it in buffers outside the heap (about twice over as
  // they grow), which the heap limit does not count; the process's growth is watched instead.
  const bomb = pdfBomb(200);
  expect(bomb.length).toBeLessThan(300 * 1024);
  const limits = { timeoutMs: 60_000, maxMemoryMb: 256 };
  const read = (bytes: Uint8Array) =>
    readOffThread("documentText", { mediaType: "application/pdf", bytes, maxChars: 100_000 }, limits);
  await expect(read(bomb)).rejects.toMatchObject({ name: "ReadRefused", code: "readTooLarge" });
  // An ordinary PDF within the same limits is read: the watch counts the read's growth, not the process's size.
  const ordinary = await PDFDocument.create();
  const font = await ordinary.embedFont(StandardFonts.Helvetica);
  ordinary.addPage([200, 200]).drawText("Matapalo", { x: 20, y: 160, size: 12, font });
  expect(await read(await ordinary.save())).toEqual([{ page: 1, text: "Matapalo" }]);
});
