// Caps on what a zip archive (an XLSX workbook) may unpack to, checked before any workbook reader sees
// it: a small upload can expand to gigabytes (a zip bomb). Entries are counted from the central
// directory, and every entry is inflated once while its bytes are counted, so sizes the archive merely
// declares cannot lie about it.
import type { Readable } from "node:stream";
import { type CentralDirectory, Open } from "unzipper";
import { env } from "@/lib/platform/env";

export type ZipRefusal = "unreadable" | "tooManyEntries" | "tooLargeUnzipped";

export class ZipRefused extends Error {
  constructor(readonly code: ZipRefusal) {
    super(`The archive was refused: ${code}`);
    this.name = "ZipRefused";
  }
}

export type ZipLimits = { maxEntries: number; maxUnzippedBytes: number };

export function zipLimits(): ZipLimits {
  return { maxEntries: env().MAX_ZIP_ENTRIES, maxUnzippedBytes: env().MAX_UNZIPPED_BYTES };
}

/** Throws ZipRefused unless the archive (a buffer or a file on disk) stays within the limits. */
export async function checkZip(archive: Buffer | { path: string }, limits = zipLimits()): Promise<void> {
  let directory: CentralDirectory;
  try {
    directory = await (Buffer.isBuffer(archive) ? Open.buffer(archive) : Open.file(archive.path));
  } catch {
    throw new ZipRefused("unreadable");
  }
  const files = directory.files.filter((f) => f.type === "File");
  if (directory.files.length > limits.maxEntries) throw new ZipRefused("tooManyEntries");
  let budget = limits.maxUnzippedBytes;
  for (const file of files) {
    if (file.uncompressedSize > budget) throw new ZipRefused("tooLargeUnzipped");
    budget -= await inflatedSize(file.stream(), budget);
  }
}

/** The bytes an entry inflates to, reading no more than `budget` of them. */
async function inflatedSize(stream: Readable, budget: number): Promise<number> {
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > budget) throw new ZipRefused("tooLargeUnzipped");
    }
  } catch (error) {
    stream.destroy();
    throw error instanceof ZipRefused ? error : new ZipRefused("unreadable");
  }
  return size;
}
