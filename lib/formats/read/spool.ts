// An upload written to a temporary file as it arrives, for readers that need the whole file (a zip's
// directory is at its end) without holding it in memory.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type Spooled = { path: string; remove: () => Promise<void> };

/** Writes the source to a new temporary file; its own errors (a broken-off or oversized upload) pass on. */
export async function spoolToFile(source: AsyncIterable<Uint8Array>): Promise<Spooled> {
  const folder = await mkdtemp(path.join(tmpdir(), "me-upload-"));
  const remove = () => rm(folder, { recursive: true, force: true });
  const file = path.join(folder, "upload");
  try {
    await pipeline(Readable.from(source), createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path: file, remove };
}
