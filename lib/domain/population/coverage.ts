// Coverage on the views (#34, rule 14 of docs/numbers.md): people reached over people in need, each
// figure against the need of its own level. A roll-up's group (a country, a donor, all projects) is
// measured against the figures of the countries its values fall in, never a country's figure added to
// those of its regions; a project dashboard's place against that place's own figure (its reached
// figure already includes its sub-places). Pure.
import type { RollupRule } from "@/lib/domain/library/link-check";
import type { ProjectSeries, RolledFigure } from "@/lib/domain/rollup";
import { countsPeople, coverage, type DatedFigure, figureFor, needOf } from "./index";

export type Window = { from: Date; to: Date };

export type GroupCoverage<F extends DatedFigure> = {
  /** People in need of the group's countries: null when any lacks a figure (`missing` names them). */
  inNeed: number | null;
  figures: { placeId: string; figure: F }[];
  missing: string[];
  /** Percent; null without a need or a figure achieved. */
  coverage: number | null;
  /**
   * The group's figure may count people twice (two projects report the same place: a possible overlap),
   * so its coverage is uncertain: shown with that said, never as a plain share.
   */
  uncertain: boolean;
};

/** Whether a library indicator's roll-up counts people: a sum of a count in people. */
export const rollupCountsPeople = (library: { rollupRule: RollupRule; measure: string; unit: string }) =>
  library.rollupRule === "SUM" && countsPeople(library.measure, library.unit);

/** The country (a place of level country: the first of its ancestors, or itself) of every place the series report. */
export function countriesOfPlaces(series: readonly ProjectSeries[]): Map<string, string> {
  const country = new Map<string, string>();
  for (const s of series)
    for (const p of [...s.values, ...s.targets]) country.set(p.placeId, p.ancestorIds[0] ?? p.placeId);
  return country;
}

/**
 * Each rolled-up group's coverage, by group key: its achieved figure over the people in need of the
 * countries its counted values come from, for the window (a year, or the as-of day for all time).
 */
export function rollupCoverage<F extends DatedFigure>(
  figures: readonly RolledFigure[],
  series: readonly ProjectSeries[],
  figuresOf: (placeId: string) => readonly F[],
  window: Window,
): Record<string, GroupCoverage<F>> {
  const countryOf = countriesOfPlaces(series);
  const result: Record<string, GroupCoverage<F>> = {};
  for (const f of figures) {
    const countries = f.contributions.flatMap((c) => c.placeIds.map((id) => countryOf.get(id) ?? id));
    const need = needOf(countries, figuresOf, window);
    result[f.key] = {
      inNeed: need.value,
      figures: need.figures,
      missing: need.missing,
      coverage: coverage(f.actual.value, need.value),
      uncertain: f.overlap !== null,
    };
  }
  return result;
}

type PlaceFigure = { id: string; name: string; actual: number | null };

/** A dashboard indicator's coverage at each of its places that has a people-in-need figure. */
export function placeCoverage<F extends DatedFigure>(
  indicators: readonly {
    indicator: { id: string; code: string; title: string; measure: string; unit: string | null };
    byLocation: readonly PlaceFigure[];
  }[],
  figuresOf: (placeId: string) => readonly F[],
  window: Window,
) {
  return indicators
    .filter((i) => countsPeople(i.indicator.measure, i.indicator.unit ?? ""))
    .map((i) => ({
      indicator: i.indicator,
      places: i.byLocation.flatMap((place) => {
        const figure = figureFor(figuresOf(place.id), "PEOPLE_IN_NEED", window);
        return figure ? [{ ...place, figure, coverage: coverage(place.actual, figure.value) }] : [];
      }),
    }))
    .filter((i) => i.places.length > 0);
}
