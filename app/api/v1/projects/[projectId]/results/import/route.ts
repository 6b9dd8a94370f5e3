import { importResultsBody } from "@/lib/api/contracts/results";
import { summaryParams } from "@/lib/api/contracts/summary";
import { importResultsProblems } from "@/lib/api/results-import";
import { apiRoute } from "@/lib/api/route";
import { bytesOf } from "@/lib/imports/table-rows";

export const POST = apiRoute({
  params: summaryParams,
  body: importResultsBody,
  async handler({ principal, params, body: { content, ...input } }) {
    const source = bytesOf(input.format === "csv" ? content : Buffer.from(content, "base64"));
    return importResultsProblems(principal, params.projectId, { ...input, source });
  },
});
