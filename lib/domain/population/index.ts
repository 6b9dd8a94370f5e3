// Reach against need (#34, rule 14 of docs/numbers.md): the population figures of places (people in
// need, population), which one holds for a period, which indicators count people, and coverage =
// people reached / people in need. Pure.

import { can, type Principal } from "@/lib/domain/permissions";
import type { LocationLevel, PopulationKind } from "@/lib/generated/prisma/enums";

export const populationKinds = [
  "PEOPLE_IN_NEED",
  "POPULATION",
  "TARGET_POPULATION",
] as const satisfies readonly PopulationKind[];

/** What the rule reads of a figure (the stored row has more: source, share, who entered it). */
export type DatedFigure = {
  kind: PopulationKind;
  value: number;
  periodStart: Date;
  periodEnd: Date;
  enteredAt: Date;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The figure of this kind that holds for the days `from`..`to` (a year, a reporting period, one day):
 * the latest whose period covers or precedes them, i.e. the one starting last on or before `to`
 * (ties: the one ending last, then the one entered last). A figure whose period starts after `to` is
 * not known yet then. Null when the place has none.
 */
export function figureFor<F extends DatedFigure>(
  figures: readonly F[],
  kind: PopulationKind,
  window: { from: Date; to: Date },
): F | null {
  let best: F | null = null;
  for (const f of figures) {
    if (f.kind !== kind || day(f.periodStart) > day(window.to)) continue;
    if (
      !best ||
      day(f.periodStart) > day(best.periodStart) ||
      (day(f.periodStart) === day(best.periodStart) &&
        (day(f.periodEnd) > day(best.periodEnd) ||
          (day(f.periodEnd) === day(best.periodEnd) && f.enteredAt > best.enteredAt)))
    )
      best = f;
  }
  return best;
}

/** The units that say an indicator counts people (lower case, without accents), in en and es. */
export const peopleUnits = ["people", "persons", "person", "personas", "persona", "individuals", "individuos"];

const plain = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();

/**
 * Whether an indicator counts people: a count (it adds up) whose unit is one of `peopleUnits`. A rate
 * ("% of people") or a count of something else (help desks, networks) has no coverage.
 */
export function countsPeople(measure: string, unit: string): boolean {
  return measure === "COUNT" && peopleUnits.includes(plain(unit));
}

/** Coverage in percent: people reached over people in need; null without both or with no one in need. */
export function coverage(reached: number | null, inNeed: number | null): number | null {
  if (reached === null || inNeed === null || inNeed <= 0) return null;
  return (reached / inNeed) * 100;
}

/**
 * The people in need of a group of places at one level (the countries of a roll-up's group): the sum of
 * each place's own figure, never a place's figure added to one of the places inside it. Null value when
 * any place lacks a figure (coverage over part of a group would overstate it): `missing` names them.
 */
export function needOf<F extends DatedFigure>(
  placeIds: readonly string[],
  figuresOf: (placeId: string) => readonly F[],
  window: { from: Date; to: Date },
): { value: number | null; figures: { placeId: string; figure: F }[]; missing: string[] } {
  const figures: { placeId: string; figure: F }[] = [];
  const missing: string[] = [];
  for (const placeId of [...new Set(placeIds)].sort()) {
    const figure = figureFor(figuresOf(placeId), "PEOPLE_IN_NEED", window);
    if (figure) figures.push({ placeId, figure });
    else missing.push(placeId);
  }
  const value = missing.length || !figures.length ? null : figures.reduce((s, f) => s + f.figure.value, 0);
  return { value, figures, missing };
}

/** What the keeping rule reads of a place: whether it is a country, and the projects working in it. */
export type KeptPlace = { level: LocationLevel; projectIds: readonly string[] };

/**
 * Whether the principal keeps (adds, edits, deletes) the figures of a place: admins and M&E leads any
 * place ("population.manage"); a project's manager ("project.edit") the places of their projects below
 * the country level only. A country's figure is the denominator of every roll-up group of that country,
 * across all the organisation's projects, so no single project's manager may rewrite it. Nobody through
 * a donor link.
 */
export function mayKeepPopulation(principal: Principal, place: KeptPlace): boolean {
  if (can(principal, "population.manage")) return true;
  return place.level !== "COUNTRY" && place.projectIds.some((id) => can(principal, "project.edit", id));
}
