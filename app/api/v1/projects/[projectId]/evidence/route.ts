import { assertCan } from "@/lib/domain/permissions";
import { readLimitedBody } from "@/lib/http/body-limit";
import { evidenceListQuery, evidenceUploadQuery } from "@/lib/http/contracts/evidence";
import { summaryParams } from "@/lib/http/contracts/summary";
import { ApiProblem } from "@/lib/http/problem";
import { apiRoute } from "@/lib/http/route";
import { uploadLimits } from "@/lib/platform/upload-limits";
import { attachEvidence, listEvidence } from "@/lib/server/evidence/service";

export const GET = apiRoute({
  params: summaryParams,
  query: evidenceListQuery,
  async handler({ principal, params, query }) {
    const files = await listEvidence(principal, params.projectId, {
      resultIds: query.result ? [query.result] : undefined,
      periodId: query.period,
      roundId: query.round,
    });
    return { files };
  },
});

export const POST = apiRoute({
  params: summaryParams,
  query: evidenceUploadQuery,
  async handler({ principal, params, query, request }) {
    assertCan(principal, "results.enter", params.projectId);
    // Only this type: it cannot be sent by a cross-site form without a CORS preflight.
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/octet-stream")
      throw new ApiProblem("validation", "Send the file as application/octet-stream", [
        { field: "body", message: "contentType" },
      ]);
    const bytes = await readLimitedBody(request, uploadLimits().evidence);
    const target = query.result
      ? { resultId: query.result }
      : query.period
        ? { periodId: query.period }
        : { roundId: query.round ?? "" };
    const item = await attachEvidence(principal, params.projectId, target, { name: query.name, bytes });
    return Response.json(item, { status: 201 });
  },
});
