// Uploaded tables read in a worker thread (off-thread.ts): results tables row by row, survey exports
// whole. The upload is written to a temporary file as it arrives, the worker reads it from there.

import type { TableRow } from "@/lib/domain/imports/table-row";
import { env } from "@/lib/platform/env";
import { type ReadLimits, ReadRefused, readOffThread, streamOffThread } from "./off-thread";
import { spoolToFile } from "./spool";
import { UnreadableTable } from "./table-rows";

/**
 * `tableRows` read in a worker thread, time- and memory-limited (off-thread.ts): the upload is written to
 * a temporary file as it arrives (its own errors pass on as they are), then the worker reads its rows.
 * Past a limit the table is refused as "readTimedOut" or "readTooLarge".
 */
export async function* tableRowsOffThread(
  format: "csv" | "xlsx",
  source: AsyncIterable<Uint8Array>,
  maxRows = env().MAX_IMPORT_ROWS,
  allSheets = false,
  limits?: ReadLimits,
): AsyncGenerator<TableRow> {
  const spooled = await spoolToFile(source);
  try {
    yield* streamOffThread("tableRows", { path: spooled.path, format, maxRows, allSheets }, limits);
  } catch (error) {
    throw error instanceof ReadRefused ? new UnreadableTable(error.code) : error;
  } finally {
    await spooled.remove();
  }
}

/** A survey export's tables, read whole in a worker thread (see tableRowsOffThread). */
export async function readSurveyOffThread(
  format: "csv" | "xlsx",
  source: AsyncIterable<Uint8Array>,
  maxRows = env().MAX_IMPORT_ROWS,
  limits?: ReadLimits,
) {
  const spooled = await spoolToFile(source);
  try {
    return await readOffThread("survey", { path: spooled.path, format, maxRows }, limits);
  } catch (error) {
    throw error instanceof ReadRefused ? new UnreadableTable(error.code) : error;
  } finally {
    await spooled.remove();
  }
}
