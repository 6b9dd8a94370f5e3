import { bytesOf } from "@/lib/formats/read/table-rows";
import { importResultsBody } from "@/lib/http/contracts/results";
import { summaryParams } from "@/lib/http/contracts/summary";
import { apiRoute } from "@/lib/http/route";
import { importResultsOrRefuse } from "@/lib/server/results/import/file";

export const POST = apiRoute({
  params: summaryParams,
  body: importResultsBody,
  async handler({ principal, params, body: { content, ...input } }) {
    const source = bytesOf(input.format === "csv" ? content : Buffer.from(content, "base64"));
    return importResultsOrRefuse(principal, params.projectId, { ...input, source });
  },
});
