import "server-only";
import { UnreadableTable } from "@/lib/imports/table-rows";
import type { Principal } from "@/lib/permissions";
import { ImportRaced } from "@/lib/results/import";
import { importResultsFile } from "@/lib/results/import-file";
import { ApiProblem } from "./problem";

/** A results import as an API answer: the preview, or 400 with every problem by row and column. */
export async function importResultsProblems(
  principal: Principal,
  projectId: string,
  input: Parameters<typeof importResultsFile>[2],
) {
  const preview = await importResultsFile(principal, projectId, input).catch((error) => {
    if (error instanceof ImportRaced) throw new ApiProblem("conflict", error.message);
    if (error instanceof UnreadableTable) {
      throw new ApiProblem("validation", "The file could not be read as CSV or XLSX", [
        { field: "body", message: "unreadable" },
      ]);
    }
    throw error;
  });
  if (preview.problemCount === 0) return preview;
  throw new ApiProblem(
    "validation",
    "Nothing was imported",
    preview.problems.map((p) => ({ field: `row ${p.row}${p.column ? `, ${p.column}` : ""}`, message: p.code })),
    { preview },
  );
}
