// Which locations of a summary are working regions and which group others (a country over its
// regions), and where the values recorded at a grouping place itself go (rule 11: their own row,
// "Peru, not by region"). Shared by the dashboard's charts and the exports.

type WithLocations<F> = { byLocation: (F & { id: string; parentId: string | null; unassigned: F | null })[] };

function groupingIds(indicator: { byLocation: { parentId: string | null }[] }): Set<string> {
  return new Set(indicator.byLocation.map((l) => l.parentId).filter((id): id is string => id !== null));
}

/** A row of a per-region view: `ownValuesOf` names the place whose own values it shows, else null. */
export type RegionRow<T extends WithLocations<unknown>> = T["byLocation"][number] & { ownValuesOf: string | null };

/**
 * The working regions (locations with no sub-location in the project), then, for each place that has
 * values of its own beside its sub-places, a row of those values (same id and name, `ownValuesOf` set).
 */
export function regionRows<F, T extends WithLocations<F>>(indicator: T): RegionRow<T>[] {
  const groups = groupingIds(indicator);
  const regions = indicator.byLocation.filter((l) => !groups.has(l.id)).map((l) => ({ ...l, ownValuesOf: null }));
  const own = indicator.byLocation.flatMap((l) =>
    l.unassigned ? [{ ...l, ...l.unassigned, unassigned: null, ownValuesOf: l.id }] : [],
  );
  return [...regions, ...own];
}

/** Locations that group others (a country over its regions): shown as subtotals. */
export function groupRows<T extends { byLocation: { id: string; parentId: string | null }[] }>(
  indicator: T,
): T["byLocation"] {
  const groups = groupingIds(indicator);
  return indicator.byLocation.filter((l) => groups.has(l.id));
}

/** A stable key for a region row (a place and its own-values row share an id). */
export const regionRowKey = (r: { id: string; ownValuesOf: string | null }) => (r.ownValuesOf ? `${r.id}:own` : r.id);
