// A project's figures as each of its views reads them: the summary API (JSON and CSV) one part at a
// time, and the dashboard page its first screen with what changed since the last report and the map.
// Filters come parsed, the as-of day once (lib/domain/as-of.ts). A project the principal may not read
// is null; a filter naming a place, period or indicator that is not the project's throws UnknownFilterError.
import "server-only";
import type { AsOf } from "@/lib/domain/as-of";
import type { Locale } from "@/lib/domain/i18n/config";
import type { Principal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { placeMap } from "@/lib/server/maps/service";
import { dashboardNeed } from "@/lib/server/population/coverage";
import { changesSinceLastReport } from "./changes";
import { firstScreen } from "./first-screen";
import { projectSummary, UnknownFilterError, ViewLoads } from "./service";

export type ProjectFilters = {
  asOf: AsOf;
  /** Only this place and below: its id or ISO 3166 code. */
  location?: string;
  /** Only this reporting period or survey round. */
  period?: string;
  /** A manager's preview that also counts submitted values; ignored for anyone who may not see them. */
  includeSubmitted: boolean;
};

/** Which part of the figures: "overview" is a first screen's (overall and per place), else all; or one indicator's. */
export type FiguresPart = { view?: "full" | "overview"; indicator?: string };

export const depthOf = (part: FiguresPart) => (part.view === "overview" ? ("places" as const) : ("full" as const));

/** The figures of one view of a project: the summary API's answer (JSON or CSV). */
export async function projectFigures(
  principal: Principal,
  projectId: string,
  filters: ProjectFilters,
  part: FiguresPart = {},
  options: { locale?: Locale; dataVersion?: number; loads?: ViewLoads } = {},
) {
  const locationId = filters.location ? await resolveLocation(filters.location) : null;
  return projectSummary(principal, projectId, {
    asOf: filters.asOf,
    locationId,
    timeId: filters.period ?? null,
    includeSubmitted: filters.includeSubmitted,
    locale: options.locale,
    depth: depthOf(part),
    indicatorId: part.indicator,
    dataVersion: options.dataVersion,
    loads: options.loads,
  });
}

/** A location given by id or by ISO 3166 code. */
async function resolveLocation(value: string): Promise<string> {
  const found = await db().location.findFirst({
    where: { OR: [{ id: value }, { isoCode: value.toUpperCase() }] },
    select: { id: true },
  });
  return found?.id ?? value;
}

/**
 * The project dashboard page: the first screen's figures (with the open card's in full), what changed
 * since the report before the as-of day, the places' map, and the coverage of people in need of its
 * people counts (lib/server/population/coverage.ts). Filters naming a place or period that is
 * not the project's are dropped (the whole project, as of the same day). Null when not readable. The
 * project's structure and partial sums are loaded once for all of these (ViewLoads).
 */
export async function projectDashboard(
  principal: Principal,
  projectId: string,
  filters: ProjectFilters,
  options: { locale: Locale; openIndicatorId?: string | null },
) {
  const loads = new ViewLoads();
  const screen = (f: ProjectFilters) =>
    firstScreen(
      (part) => projectFigures(principal, projectId, f, part, { locale: options.locale, loads }),
      options.openIndicatorId,
    );
  const summary = await screen(filters).catch((error) => {
    if (error instanceof UnknownFilterError) return screen({ asOf: filters.asOf, includeSubmitted: false });
    throw error;
  });
  if (!summary) return null;
  const [changes, map, need] = await Promise.all([
    changesSinceLastReport(principal, projectId, { asOf: filters.asOf, locale: options.locale, loads }),
    placeMap(principal, projectId, summary.version),
    dashboardNeed(summary),
  ]);
  return { summary, changes, map, need };
}
