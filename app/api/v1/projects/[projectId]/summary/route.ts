import { summaryParams, summaryQuery } from "@/lib/api/contracts/summary";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db";
import { projectSummary, UnknownLocationError } from "@/lib/summary/service";

export const GET = apiRoute({
  params: summaryParams,
  query: summaryQuery,
  async handler({ principal, params, query }) {
    const locationId = query.location ? await resolveLocation(query.location) : null;
    try {
      const summary = await projectSummary(principal, params.projectId, {
        asOf: query.asOf,
        locationId,
        includeSubmitted: query.includeSubmitted,
      });
      if (!summary) throw new ApiProblem("notFound", "No such project, or no access to it");
      return summary;
    } catch (error) {
      if (error instanceof UnknownLocationError) {
        throw new ApiProblem("validation", "Unknown location", [
          { field: "query.location", message: "Not one of the project's locations" },
        ]);
      }
      throw error;
    }
  },
});

/** A location given by id or by ISO 3166 code. */
async function resolveLocation(value: string): Promise<string> {
  const found = await db().location.findFirst({ where: { OR: [{ id: value }, { isoCode: value.toUpperCase() }] } });
  return found?.id ?? value;
}
