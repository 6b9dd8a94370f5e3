// A study document's text, read in the worker (readOffThread) as the library reads it: a PDF page by page
// (made with pdf-lib here), a DOCX written by Word (test/fixtures/docx), and what is refused.
import { readFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expect, test } from "vitest";
import { partsOf } from "./document-text";
import { readOffThread } from "./off-thread";

const limits = { timeoutMs: 60_000, maxMemoryMb: 512 };
const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function pdfOf(pages: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([420, 300]).drawText(text, { x: 20, y: 260, size: 11, font });
  return doc.save();
}

const read = (mediaType: string, bytes: Uint8Array, maxChars = 100_000) =>
  readOffThread("documentText", { mediaType, bytes, maxChars }, limits);

test("a PDF's text is read page by page, accents kept", { timeout: 60_000 }, async () => {
  const bytes = await pdfOf(["Evaluación final", "", "Resiliencia comunitaria en Zarumilla"]);
  expect(await read(PDF, bytes)).toEqual([
    { page: 1, text: "Evaluación final" },
    { page: 3, text: "Resiliencia comunitaria en Zarumilla" },
  ]);
});

test("a DOCX's paragraphs are read with their runs joined as Word shows them", { timeout: 60_000 }, async () => {
  // The heading's "Paragraph" is two runs in this file ("Heading Para", "graph"), a bookmark between them.
  const bytes = readFileSync("test/fixtures/docx/par-known-paragraphs.docx");
  expect(await read(DOCX, bytes)).toEqual([{ page: null, text: "Heading Paragraph\nNormal paragraph" }]);
});

test("a document past the text limit, and one that is not what it claims, are refused by name", {
  timeout: 60_000,
}, async () => {
  const bytes = await pdfOf(["a line of forty characters, more or less", "and its second page, as long as the first"]);
  expect(await read(PDF, bytes, 100)).toHaveLength(2);
  await expect(read(PDF, bytes, 60)).rejects.toMatchObject({ name: "DocumentTextRefused", code: "tooLarge" });
  const broken = new TextEncoder().encode("%PDF-1.7\nnot a PDF at all\n%%EOF\n");
  await expect(read(PDF, broken)).rejects.toMatchObject({ name: "DocumentTextRefused", code: "unreadable" });
  await expect(read(DOCX, broken)).rejects.toMatchObject({ name: "DocumentTextRefused", code: "unreadable" });
});

test("a long page is kept in parts of the same page", { timeout: 60_000 }, async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([600, 8000]);
  for (let line = 0; line < 700; line++)
    page.drawText(`line ${line} ${"word ".repeat(4)}`, { x: 10, y: 7990 - line * 11, size: 4, font });
  const parts = await read(PDF, await doc.save());
  expect(parts.length).toBeGreaterThan(1);
  expect(parts.every((p) => p.page === 1 && p.text.length <= 8000)).toBe(true);
  expect(parts.map((p) => p.text).join("\n")).toContain("line 699");
});

test("control characters (pdf.js's U+0000, the snippet markers U+0002/U+0003) are not kept", () => {
  expect(partsOf(2, "\u0000Dunnart\u0000s\u0002 and\u0003 quolls\tin\nrows\u001F")).toEqual([
    { page: 2, text: "Dunnart s  and  quolls\tin\nrows" },
  ]);
});
