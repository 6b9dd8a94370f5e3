// A streaming XLSX reader needs the workbook, its relationships, the shared strings and the styles before
// the sheets. Excel writes them in that order; other tools (SheetJS, some exceljs versions) write the
// sheets first, which left valid files unreadable. Such a file is rewritten beside the upload with its
// entries in that order (its size and entries have already passed the zip limits).
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import archiver from "archiver";
import { Open } from "unzipper";

const FIRST = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\//,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\//,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/styles\.xml$/,
];
const rank = (name: string) => {
  const found = FIRST.findIndex((pattern) => pattern.test(name));
  return found === -1 ? FIRST.length : found;
};

/** The file itself when its entries come in streaming order, else a reordered copy of it. */
export async function inStreamingOrder(file: string): Promise<string> {
  const { files } = await Open.file(file);
  const ordered = [...files].sort((a, b) => rank(a.path) - rank(b.path));
  if (ordered.every((entry, i) => entry === files[i])) return file;
  const copy = `${file}.ordered.xlsx`;
  const archive = archiver("zip", { zlib: { level: 1 } });
  const written = pipeline(archive, createWriteStream(copy, { mode: 0o600 }));
  for (const entry of ordered) {
    if (entry.type === "File") archive.append(entry.stream(), { name: entry.path });
  }
  await archive.finalize();
  await written;
  return copy;
}
