import "server-only";
import { countStatuses } from "@/lib/domain/engine/schedule";
import { isText } from "@/lib/domain/measures";
import type { Principal } from "@/lib/domain/permissions";
import type { PortfolioRow } from "@/lib/domain/portfolio/filter";
import { listProjects } from "@/lib/server/projects/service";
import { projectOverviews } from "@/lib/server/summary/service";

const KEY_INDICATORS = 3;

/**
 * Every project the principal may open, with its indicators' status counts and a few key figures: the
 * overall figures only, computed together for the projects not cached (lib/server/summary/service.ts).
 */
export async function portfolio(principal: Principal): Promise<PortfolioRow[]> {
  const projects = await listProjects(principal);
  const overviews = await projectOverviews(
    principal,
    projects.map((p) => p.id),
  );
  return projects.map((p) => {
    const summary = overviews.get(p.id);
    const statusCounts = countStatuses((summary?.indicators ?? []).map((i) => i.overall.status));
    const countries = p.locations
      .map((l) => l.location)
      .filter((l) => l.level === "COUNTRY")
      .map((l) => ({ isoCode: l.isoCode, name: l.name }));
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      donor: p.donor,
      countries,
      statusCounts,
      keyIndicators: (summary?.indicators ?? [])
        .filter((i) => !isText(i.indicator.measure))
        .slice(0, KEY_INDICATORS)
        .map((i) => ({
          id: i.indicator.id,
          code: i.indicator.code,
          title: i.indicator.title,
          measure: i.indicator.measure,
          actual: i.overall.actual,
          target: i.overall.target,
          achievement: i.overall.achievement,
          status: i.overall.status,
        })),
    };
  });
}
