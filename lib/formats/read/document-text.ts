// The text of a study's document, for the library's search: a PDF's text page by page (pdf.js, the
// legacy build, which runs in Node), a DOCX's paragraphs from word/document.xml (after the zip limits).
// It runs in a worker thread (lib/formats/read/off-thread.ts) with the readers' time and memory limits;
// past `maxChars` of text, or on a file it cannot read, it throws DocumentTextRefused and the caller keeps
// the file as "text not searchable".
import { SaxesParser } from "saxes";
import { evidenceMediaTypes } from "./file-type";
import { checkZip, ZipRefused } from "./zip-limits";

/** A stretch of a document's text: a page of a PDF (from 1), or paragraphs of a DOCX (no page numbers). */
export type DocumentTextPart = { page: number | null; text: string };

export type DocumentTextRefusal = "unreadable" | "tooLarge";

export class DocumentTextRefused extends Error {
  constructor(readonly code: DocumentTextRefusal) {
    super(`The document's text was not read: ${code}`);
    this.name = "DocumentTextRefused";
  }
}

/**
 * Characters of one stored part at most: a long page or a DOCX is cut into parts of about this size (at a
 * paragraph or line end when there is one), so no part nears PostgreSQL's limits on a tsvector, and a
 * snippet's page stays exact.
 */
export const PART_CHARS = 8_000;

/** The media types whose text is read. */
export const textMediaTypes: readonly string[] = [evidenceMediaTypes.pdf, evidenceMediaTypes.docx];

/**
 * Control characters other than tab and line ends. pdf.js gives U+0000 for glyphs of fonts without a usable
 * ToUnicode map, which PostgreSQL's text refuses (the whole insert fails), and U+0002/U+0003 are the
 * search's snippet markers (lib/server/studies/search.ts); none of them is a word.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** `text` without control characters (CONTROL) cut into parts of at most PART_CHARS, each on `page`. */
export function partsOf(page: number | null, text: string): DocumentTextPart[] {
  const parts: DocumentTextPart[] = [];
  let rest = text.replace(CONTROL, " ").trim();
  while (rest.length > PART_CHARS) {
    const end = rest.lastIndexOf("\n", PART_CHARS);
    const cut = end > PART_CHARS / 2 ? end : rest.lastIndexOf(" ", PART_CHARS) + 1 || PART_CHARS;
    parts.push({ page, text: rest.slice(0, cut).trim() });
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push({ page, text: rest });
  return parts;
}

/** Counts the characters read so far and refuses past the limit. */
function budget(maxChars: number) {
  let used = 0;
  return (text: string) => {
    used += text.length;
    if (used > maxChars) throw new DocumentTextRefused("tooLarge");
    return text;
  };
}

type TextItem = { str?: string; hasEOL?: boolean };

async function pdfText(bytes: Uint8Array, maxChars: number): Promise<DocumentTextPart[]> {
  // Loaded only here (the worker), never by any page: pdf.js is large.
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const count = budget(maxChars);
  let pdf: Awaited<ReturnType<typeof getDocument>["promise"]>;
  try {
    // Fonts are never drawn here, so neither loaded nor compiled (isEvalSupported: no code from the file).
    pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 })
      .promise;
  } catch {
    throw new DocumentTextRefused("unreadable");
  }
  const parts: DocumentTextPart[] = [];
  try {
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      const text = (content.items as TextItem[]).map((item) => (item.str ?? "") + (item.hasEOL ? "\n" : "")).join("");
      parts.push(...partsOf(page, count(text)));
    }
  } catch (error) {
    throw error instanceof DocumentTextRefused ? error : new DocumentTextRefused("unreadable");
  } finally {
    await pdf.destroy();
  }
  return parts;
}

/** word/document.xml's text: runs joined as Word shows them, a line per paragraph, tabs and breaks as spaces and lines. */
function docxXmlText(xml: string, maxChars: number): string {
  const count = budget(maxChars);
  const parser = new SaxesParser({ xmlns: false });
  let text = "";
  let inText = false;
  let failed = false;
  parser.on("error", () => {
    failed = true;
  });
  parser.on("doctype", () => {
    failed = true;
  });
  parser.on("opentag", (tag) => {
    if (tag.name === "w:t") inText = !tag.isSelfClosing;
    else if (tag.name === "w:tab") text += count("\t");
    else if (tag.name === "w:br" || tag.name === "w:cr") text += count("\n");
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "w:t") inText = false;
    else if (tag.name === "w:p") text += count("\n");
  });
  parser.on("text", (chunk) => {
    if (inText) text += count(chunk);
  });
  parser.write(xml).close();
  if (failed) throw new DocumentTextRefused("unreadable");
  return text;
}

async function docxText(bytes: Uint8Array, maxChars: number): Promise<DocumentTextPart[]> {
  const archive = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Inflated once within the zip limits first (a zip bomb named .docx), then the one entry read.
  await checkZip(archive).catch((error) => {
    throw error instanceof ZipRefused && error.code !== "unreadable"
      ? new DocumentTextRefused("tooLarge")
      : new DocumentTextRefused("unreadable");
  });
  const { Open } = await import("unzipper");
  const directory = await Open.buffer(archive);
  const entry = directory.files.find((f) => f.path === "word/document.xml");
  if (!entry) throw new DocumentTextRefused("unreadable");
  const xml = (await entry.buffer()).toString("utf8");
  return partsOf(null, docxXmlText(xml, maxChars));
}

/** A document's text in parts, read from its bytes; throws DocumentTextRefused. */
export async function readDocumentText(
  mediaType: string,
  bytes: Uint8Array,
  maxChars: number,
): Promise<DocumentTextPart[]> {
  if (mediaType === evidenceMediaTypes.pdf) return pdfText(bytes, maxChars);
  if (mediaType === evidenceMediaTypes.docx) return docxText(bytes, maxChars);
  return [];
}
