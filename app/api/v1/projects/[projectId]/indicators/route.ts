import { indicatorSchema } from "@/lib/domain/projects/schemas";
import { summaryParams } from "@/lib/http/contracts/summary";
import { listIndicatorsResponse } from "@/lib/http/read-handlers";
import { apiRoute } from "@/lib/http/route";
import { saveIndicator } from "@/lib/server/projects/edit";

export const POST = apiRoute({
  params: summaryParams,
  body: indicatorSchema,
  async handler({ principal, params, body }) {
    const saved = await saveIndicator(principal, params.projectId, null, body);
    return { id: saved.id, version: saved.version };
  },
});

export const GET = apiRoute({ params: summaryParams, handler: listIndicatorsResponse });
