import "server-only";
import { countStatuses } from "@/lib/domain/engine/schedule";
import { isText } from "@/lib/domain/measures";
import { type Principal, readableProjects } from "@/lib/domain/permissions";
import {
  filterAndSortPortfolio,
  type PortfolioPage,
  type PortfolioProject,
  type PortfolioQuery,
  type PortfolioRow,
  portfolioPage,
  sortNeedsFigures,
} from "@/lib/domain/portfolio/filter";
import { db } from "@/lib/platform/db";
import { projectOverviews } from "@/lib/server/summary/service";

const KEY_INDICATORS = 3;

/**
 * The projects the principal may open (not archived, latest start first), as the portfolio filters them:
 * no figures yet. One query with the readable ids as one array parameter (a Prisma include would send
 * one parameter per project).
 */
async function portfolioProjects(principal: Principal): Promise<PortfolioProject[]> {
  const readable = readableProjects(principal);
  const everyProject = readable === "all";
  const ids = everyProject ? [] : readable;
  return db().$queryRaw<PortfolioProject[]>`
    SELECT p."id", p."code", p."name", p."donor",
           COALESCE(json_agg(json_build_object('isoCode', l."isoCode", 'name', l."name") ORDER BY l."name")
                    FILTER (WHERE l."id" IS NOT NULL), '[]') AS "countries"
    FROM "Project" p
    LEFT JOIN "ProjectLocation" pl ON pl."projectId" = p."id"
    LEFT JOIN "Location" l ON l."id" = pl."locationId" AND l."level" = 'COUNTRY'
    WHERE p."archivedAt" IS NULL AND (${everyProject} OR p."id" = ANY(${ids}::text[]))
    GROUP BY p."id"
    ORDER BY p."startDate" DESC`;
}

/**
 * The given projects with their indicators' status counts and a few key figures: the overall figures
 * only, computed together for the projects not cached (lib/server/summary/service.ts).
 */
async function withFigures(principal: Principal, projects: PortfolioProject[]): Promise<PortfolioRow[]> {
  const overviews = await projectOverviews(
    principal,
    projects.map((p) => p.id),
  );
  return projects.map((p) => {
    const summary = overviews.get(p.id);
    return {
      ...p,
      statusCounts: countStatuses((summary?.indicators ?? []).map((i) => i.overall.status)),
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

/** Every project the principal may open, each with its figures (the bench's whole-portfolio measure). */
export async function portfolio(principal: Principal): Promise<PortfolioRow[]> {
  return withFigures(principal, await portfolioProjects(principal));
}

/**
 * One page of the portfolio as filtered and sorted, and every project the principal may open (for the
 * filters' choices). Only the page's projects are computed, except for a sort by status counts: that
 * needs the figures of every project the filters keep before a page can be cut.
 */
export async function portfolioListing(
  principal: Principal,
  query: PortfolioQuery,
  page: number,
): Promise<{ listed: PortfolioPage<PortfolioRow>; all: PortfolioProject[] }> {
  const all = await portfolioProjects(principal);
  if (sortNeedsFigures(query.sort ?? "name")) {
    const kept = filterAndSortPortfolio(all, { ...query, sort: "name" });
    const listed = portfolioPage(filterAndSortPortfolio(await withFigures(principal, kept), query), page);
    return { listed, all };
  }
  const listed = portfolioPage(filterAndSortPortfolio(all, query), page);
  return { listed: { ...listed, rows: await withFigures(principal, listed.rows) }, all };
}
