// A streaming XLSX reader takes the sheets in the order their entries come in the zip and names them by
// the workbook's relationships. Files are written in many ways: Excel on Windows writes the workbook, its
// relationships, the shared strings and the styles before the sheets, in the workbook's order; Excel for
// Mac may write the sheets in any order (a repeat group's sheet first); SheetJS and some exceljs versions
// write the sheets before the workbook; openpyxl names the sheets' files by absolute paths
// (`/xl/worksheets/sheet1.xml`), which the reader does not match to their names. Such a file is rewritten
// beside the upload as the reader needs it: entries in streaming order, sheets in the workbook's order,
// relationships relative (its size and entries have already passed the zip limits).
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import archiver from "archiver";
import { type CentralDirectoryFile, Open } from "unzipper";

const FIRST = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\//,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\//,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/styles\.xml$/,
];
const RELATIONSHIPS = "xl/_rels/workbook.xml.rels";
/** Larger workbook or relationship parts are not read for the sheets' order (no real workbook has one). */
const MAX_PART_BYTES = 4 * 1024 * 1024;

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

async function partText(entries: CentralDirectoryFile[], path: string): Promise<string | null> {
  const entry = entries.find((e) => e.path === path);
  if (!entry || entry.uncompressedSize > MAX_PART_BYTES) return null;
  return (await entry.buffer()).toString("utf8");
}

/** The sheets' file paths in the workbook's order, and whether the relationships name them absolutely. */
async function workbookOrder(entries: CentralDirectoryFile[]): Promise<{ sheets: string[]; absolute: boolean }> {
  const [workbook, relationships] = await Promise.all([
    partText(entries, "xl/workbook.xml"),
    partText(entries, RELATIONSHIPS),
  ]);
  if (!workbook || !relationships) return { sheets: [], absolute: false };
  const targets = new Map<string, string>();
  let absolute = false;
  for (const [tag] of relationships.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (!id || !target) continue;
    absolute ||= target.startsWith("/");
    targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].flatMap(([tag]) => {
    const target = targets.get(attribute(tag, "(?:\\w+:)?id") ?? "");
    return target ? [target] : [];
  });
  return { sheets, absolute };
}

/** The file itself when the reader can take it as it is, else a rewritten copy of it (see above). */
export async function inStreamingOrder(file: string): Promise<string> {
  const { files } = await Open.file(file);
  const { sheets, absolute } = await workbookOrder(files);
  const rank = (name: string) => {
    const first = FIRST.findIndex((pattern) => pattern.test(name));
    if (first !== -1) return first;
    const sheet = sheets.indexOf(name);
    return FIRST.length + (sheet === -1 ? sheets.length : sheet);
  };
  const ordered = [...files].sort((a, b) => rank(a.path) - rank(b.path));
  if (!absolute && ordered.every((entry, i) => entry === files[i])) return file;
  const copy = `${file}.ordered.xlsx`;
  const archive = archiver("zip", { zlib: { level: 1 } });
  const written = pipeline(archive, createWriteStream(copy, { mode: 0o600 }));
  for (const entry of ordered) {
    if (entry.type !== "File") continue;
    if (absolute && entry.path === RELATIONSHIPS) {
      const relative = (await entry.buffer()).toString("utf8").replace(/(\sTarget\s*=\s*["'])\/xl\//g, "$1");
      archive.append(relative, { name: entry.path });
    } else archive.append(entry.stream(), { name: entry.path });
  }
  await archive.finalize();
  await written;
  return copy;
}
