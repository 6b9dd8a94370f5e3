import { importResultsBody } from "@/lib/api/contracts/results";
import { summaryParams } from "@/lib/api/contracts/summary";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { bytesOf } from "@/lib/imports/table-rows";
import { ImportRaced } from "@/lib/results/import";
import { importResultsFile } from "@/lib/results/import-file";

export const POST = apiRoute({
  params: summaryParams,
  body: importResultsBody,
  async handler({ principal, params, body: { content, ...input } }) {
    const source = bytesOf(input.format === "csv" ? content : Buffer.from(content, "base64"));
    const preview = await importResultsFile(principal, params.projectId, { ...input, source }).catch((error) => {
      if (error instanceof ImportRaced) throw new ApiProblem("conflict", error.message);
      throw error;
    });
    if (preview.problemCount === 0) return preview;
    throw new ApiProblem(
      "validation",
      "Nothing was imported",
      preview.problems.map((p) => ({ field: `row ${p.row}${p.column ? `, ${p.column}` : ""}`, message: p.code })),
      { preview },
    );
  },
});
