import "server-only";
import type { TableRefusal } from "@/lib/domain/imports/table-refusals";
import type { Principal } from "@/lib/domain/permissions";
import { UnreadableTable } from "@/lib/formats/read/table-rows";
import { importResultsFile } from "@/lib/server/results/import/file";
import { ImportRaced } from "@/lib/server/results/import/service";
import { ApiProblem } from "./problem";

const tableRefusalDetail: Record<TableRefusal, string> = {
  unreadable: "The file could not be read as CSV or XLSX",
  notUtf8: "The CSV file is not UTF-8 (it looks like Windows-1252 / Latin-1): save it as CSV UTF-8",
  tooManyEntries: "The workbook holds more files than MAX_ZIP_ENTRIES allows",
  tooLargeUnzipped: "The workbook unpacks to more than MAX_UNZIPPED_BYTES allows",
  tooManyRows: "The table has more rows than MAX_IMPORT_ROWS allows",
  tooManyColumns: "The table has more than 16,384 columns (Excel's limit)",
  cellTooLong: "A cell holds more than 32,767 characters (Excel's limit)",
  readTimedOut: "Reading the file took longer than IMPORT_READ_TIMEOUT_MS allows",
  readTooLarge: "Reading the file needed more memory than IMPORT_READ_MEMORY_MB allows",
};

/** An import's refusal as a problem: a file that cannot be read (400), a value changed meanwhile (409). */
export function importRefusal(error: unknown): never {
  if (error instanceof ImportRaced) throw new ApiProblem("conflict", error.message);
  if (error instanceof UnreadableTable) {
    throw new ApiProblem("validation", tableRefusalDetail[error.code], [{ field: "body", message: error.code }]);
  }
  throw error;
}

/** A results import as an API answer: the preview, or 400 with every problem by row and column. */
export async function importResultsProblems(
  principal: Principal,
  projectId: string,
  input: Parameters<typeof importResultsFile>[2],
) {
  const preview = await importResultsFile(principal, projectId, input).catch(importRefusal);
  return previewWithoutProblems(preview, (p) => `row ${p.row}${p.column ? `, ${p.column}` : ""}`);
}

/**
 * An import's preview when it has no problem; otherwise 400 "Nothing was imported" with each problem
 * where `field` names it, and the preview in the problem's body.
 */
export function previewWithoutProblems<P extends { problemCount: number; problems: { code: string }[] }>(
  preview: P,
  field: (problem: P["problems"][number]) => string,
): P {
  if (preview.problemCount === 0) return preview;
  throw new ApiProblem(
    "validation",
    "Nothing was imported",
    preview.problems.map((p) => ({ field: field(p), message: p.code })),
    { preview },
  );
}
