import "server-only";
import { AsOf } from "@/lib/domain/as-of";
import { countStatuses } from "@/lib/domain/engine/schedule";
import { isText } from "@/lib/domain/measures";
import { can, type Principal } from "@/lib/domain/permissions";
import {
  PORTFOLIO_PAGE_SIZE,
  type PortfolioChoices,
  type PortfolioPage,
  type PortfolioProject,
  type PortfolioQuery,
  type PortfolioRow,
  pageOf,
  pageWith,
} from "@/lib/domain/portfolio/filter";
import type { ProjectSummary } from "@/lib/domain/summary/types";
import { log } from "@/lib/platform/ops/log";
import { projectOverviews } from "@/lib/server/summary/service";
import { type Figures, persistedFigures, persistFigures } from "./aggregates";
import { countListed, listedCountries, listedPage, listedProjects, listedWithoutFigures } from "./listing";

const KEY_INDICATORS = 3;
const MAX_PAGES = 1_000_000;

/** The portfolio's figures of one project's overview: its indicators' status counts and a few key figures. */
function figuresOf(summary: ProjectSummary | undefined): Figures {
  return {
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
}

/**
 * The given projects with their figures as of today: read from the persisted rows at each project's
 * current data version (lib/server/portfolio/aggregates.ts); only the projects without one are computed
 * (together, the overall figures only; lib/server/summary/service.ts), and persisted at the version they
 * were computed at.
 */
export async function withFigures(
  principal: Principal,
  projects: PortfolioProject[],
  asOf = AsOf.today(),
): Promise<PortfolioRow[]> {
  const readable = projects.filter((p) => can(principal, "project.read", p.id));
  const persisted = await persistedFigures(
    readable.map((p) => p.id),
    asOf.toKey(),
  );
  const missing = new Map(
    readable.flatMap((p) => {
      const kept = persisted.get(p.id);
      return kept && !kept.figures ? [[p.id, kept.version] as const] : [];
    }),
  );
  const computed = await computeFigures(principal, missing, asOf);
  return projects.map((p) => ({
    ...p,
    ...(persisted.get(p.id)?.figures ?? computed.get(p.id) ?? figuresOf(undefined)),
  }));
}

/**
 * The given projects' figures computed (their overall figures, together), each persisted only when it was
 * computed at the data version read before (`versionBefore`): a change committed while the figures were
 * loaded could otherwise leave an older version's figures under the newer version, read by every instance.
 */
export async function computeFigures(
  principal: Principal,
  versionBefore: Map<string, number>,
  asOf: AsOf,
): Promise<Map<string, Figures>> {
  if (!versionBefore.size) return new Map();
  const overviews = await projectOverviews(principal, [...versionBefore.keys()], { asOf });
  const fresh = [...overviews.values()].map((summary) => ({
    projectId: summary.project.id,
    version: summary.version,
    figures: figuresOf(summary),
  }));
  // Persisting only spares other views the work: a failure (another instance writing the same rows) is logged.
  await persistFigures(
    fresh.filter(
      (f): f is typeof f & { version: number } => f.version !== null && f.version === versionBefore.get(f.projectId),
    ),
    asOf.toKey(),
  ).catch((error) => log.warn({ err: error }, "portfolio figures not persisted"));
  return new Map(fresh.map((f) => [f.projectId, f.figures]));
}

/** Every project the principal may open, each with its figures (the bench's whole-portfolio measure). */
export async function portfolio(principal: Principal): Promise<PortfolioRow[]> {
  return withFigures(principal, await listedProjects(principal));
}

/**
 * One page of the portfolio as filtered and sorted, the filters' choices, and how many projects the
 * principal may open at all. The database filters, sorts and cuts the page (lib/server/portfolio/listing.ts);
 * only the page's projects' figures are read. A sort by status counts needs every kept project's counts:
 * the projects without persisted figures at their current version are computed first.
 */
export async function portfolioListing(
  principal: Principal,
  query: PortfolioQuery,
  requested: number,
): Promise<{ listed: PortfolioPage<PortfolioRow>; choices: PortfolioChoices; readable: number }> {
  const asOf = AsOf.today();
  const day = asOf.toKey();
  const sort = query.sort ?? "name";
  const byStatus = sort === "offTrack" || sort === "onTrack";
  // The page asked for is read beside its count, its offset bounded so that a page number of any size
  // stays a plain integer; it is read again when it was out of range, or when a sort by status counts
  // found projects without persisted counts (computed first; warm, there are none).
  const asked = pageOf(PORTFOLIO_PAGE_SIZE * MAX_PAGES, requested);
  const [{ readable, matching, donors }, countries, first, uncounted] = await Promise.all([
    countListed(principal, query),
    listedCountries(principal),
    listedPage(principal, query, { ...asked, day }),
    byStatus ? listedWithoutFigures(principal, query, day) : new Map<string, number>(),
  ]);
  await computeFigures(principal, uncounted, asOf);
  const at = pageOf(matching, requested);
  const current = at.offset === asked.offset && uncounted.size === 0;
  const shown = current ? first : await listedPage(principal, query, { ...at, day });
  const listed = pageWith(await withFigures(principal, shown, asOf), at);
  return { listed, choices: { countries, donors }, readable };
}
