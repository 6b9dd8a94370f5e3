// Coverage for the views that show it (#34): the population figures of the places a roll-up or a
// dashboard counts, read in one query, and the pure rules of lib/domain/population/coverage.ts.
import "server-only";
import type { AsOf } from "@/lib/domain/as-of";
import type { RollupRule } from "@/lib/domain/library/link-check";
import { countsPeople } from "@/lib/domain/population";
import { countriesOfPlaces, placeCoverage, rollupCountsPeople, rollupCoverage } from "@/lib/domain/population/coverage";
import type { ProjectSeries, RolledFigure } from "@/lib/domain/rollup";
import type { ProjectSummary } from "@/lib/domain/summary/types";
import { placeNames, populationFiguresOf } from "./service";

/**
 * A library roll-up's coverage by group key, for a year (or the as-of day for all time); null when the
 * library indicator does not count people (only sums of people have a coverage).
 */
export async function rollupNeed(
  library: { rollupRule: RollupRule; measure: string; unit: string },
  figures: RolledFigure[],
  series: ProjectSeries[],
  window: { from: Date; to: Date } | null,
  asOf: AsOf,
) {
  if (!rollupCountsPeople(library)) return null;
  const countries = [...new Set(countriesOfPlaces(series).values())];
  const [stored, names] = await Promise.all([populationFiguresOf(countries), placeNames(countries)]);
  const byGroup = rollupCoverage(
    figures,
    series,
    (id) => stored.get(id) ?? [],
    window ?? { from: asOf.date, to: asOf.date },
  );
  return Object.fromEntries(
    Object.entries(byGroup).map(([key, c]) => [
      key,
      {
        ...c,
        figures: c.figures.map((f) => ({ ...f, name: names.get(f.placeId) ?? f.placeId })),
        missing: c.missing.map((id) => names.get(id) ?? id),
      },
    ]),
  );
}

/**
 * A project dashboard's coverage: each people-count indicator at each of its places with a people-in-need
 * figure, for the view's period (or the as-of day). One query; none when no indicator counts people.
 */
export async function dashboardNeed(summary: ProjectSummary) {
  const time = summary.times.find((t) => t.id === summary.timeId);
  const window = time ? { from: time.startDate, to: time.endDate } : { from: summary.asOf, to: summary.asOf };
  if (!summary.indicators.some((i) => countsPeople(i.indicator.measure, i.indicator.unit ?? ""))) return [];
  const stored = await populationFiguresOf(summary.locations.map((l) => l.id));
  return placeCoverage(summary.indicators, (id) => stored.get(id) ?? [], window);
}
