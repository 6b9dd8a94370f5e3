import { summaryParams } from "@/lib/api/contracts/summary";
import { listIndicatorsResponse } from "@/lib/api/read-handlers";
import { apiRoute } from "@/lib/api/route";
import { withSetupProblems } from "@/lib/api/setup-errors";
import { saveIndicator } from "@/lib/projects/edit";
import { indicatorSchema } from "@/lib/projects/schemas";

export const POST = apiRoute({
  params: summaryParams,
  body: indicatorSchema,
  async handler({ principal, params, body }) {
    const saved = await withSetupProblems(() => saveIndicator(principal, params.projectId, null, body));
    return { id: saved.id, version: saved.version };
  },
});

export const GET = apiRoute({ params: summaryParams, handler: listIndicatorsResponse });
