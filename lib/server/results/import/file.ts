// An uploaded results table: its format, its columns (for mapping), the project's saved mapping, and
// the import itself, which also remembers the mapping for next time.
import "server-only";
import { refuseIfProblems } from "@/lib/domain/imports/preview-refusal";
import type { TableRow } from "@/lib/domain/imports/table-row";
import { assertCan, type Principal } from "@/lib/domain/permissions";
import { guessMapping, type ImportMapping, importMappingSchema } from "@/lib/domain/results/import-mapping";
import { tableRowsOffThread } from "@/lib/formats/read/table-off-thread";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { countedBytes, noProgress, type ProgressReporter } from "./progress";
import { importResults } from "./service";

export type TableFormat = "csv" | "xlsx";

/** XLSX files are ZIP archives ("PK"); anything else is read as CSV text. */
export function formatOf(name: string, firstBytes: Uint8Array): TableFormat {
  if (/\.xlsx$/i.test(name) || (firstBytes[0] === 0x50 && firstBytes[1] === 0x4b)) return "xlsx";
  return "csv";
}

/** The header row and a few rows to show while mapping; stops reading after them (the worker ends). */
export async function tableColumns(format: TableFormat, source: AsyncIterable<Uint8Array>) {
  const sample: TableRow[] = [];
  for await (const row of tableRowsOffThread(format, source)) {
    sample.push(row);
    if (sample.length > 5) break;
  }
  const [header, ...rows] = sample;
  return { headers: header?.cells.map((h) => h.trim()) ?? [], rows: rows.map((r) => r.cells) };
}

/** The mapping used last time in this project, or one guessed from the headers. */
export async function mappingFor(principal: Principal, projectId: string, headers: string[]) {
  assertCan(principal, "results.enter", projectId);
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: { resultImportMapping: true },
  });
  const saved = importMappingSchema.safeParse(project.resultImportMapping);
  if (saved.success && [saved.data.indicator, saved.data.location, saved.data.period].every((c) => headers.includes(c)))
    return { mapping: saved.data as Partial<ImportMapping>, saved: true };
  return { mapping: guessMapping(headers) as Partial<ImportMapping>, saved: false };
}

export async function importResultsFile(
  principal: Principal,
  projectId: string,
  input: {
    format: TableFormat;
    source: AsyncIterable<Uint8Array>;
    mapping: ImportMapping;
    dryRun: boolean;
    submit: boolean;
    progress?: ProgressReporter;
  },
) {
  assertCan(principal, "results.enter", projectId);
  const progress = input.progress ?? noProgress;
  const preview = await importResults(
    principal,
    projectId,
    // Read in a worker thread, time- and memory-limited (lib/formats/read/off-thread.ts).
    tableRowsOffThread(input.format, countedBytes(input.source, progress)),
    input.mapping,
    input,
  ).catch(async (error) => {
    await progress.phase("failed");
    throw error;
  });
  await progress.phase("done");
  // The mapping is offered again next time only once it imported something: a refusal or a preview
  // changes nothing in the project.
  if (preview.imported) {
    await db().project.update({
      where: { id: projectId },
      data: { resultImportMapping: input.mapping as Prisma.InputJsonValue },
    });
  }
  return preview;
}

/**
 * A results import as the API and background imports answer it: the preview, or a refusal naming each
 * problem by row and column (nothing was imported).
 */
export async function importResultsOrRefuse(...args: Parameters<typeof importResultsFile>) {
  const preview = await importResultsFile(...args);
  return refuseIfProblems(preview, preview.problemCount, "Nothing was imported", (p) =>
    p.column ? `row ${p.row}, ${p.column}` : `row ${p.row}`,
  );
}
