// Which locations of a summary are working regions and which group others (a country over its
// regions). Shared by the dashboard's charts and the exports.

type WithLocations = { byLocation: { id: string; parentId: string | null }[] };

function groupingIds(indicator: WithLocations): Set<string> {
  return new Set(indicator.byLocation.map((l) => l.parentId).filter((id): id is string => id !== null));
}

/** The working regions (locations with no sub-location in the project). */
export function regionRows<T extends WithLocations>(indicator: T): T["byLocation"] {
  const groups = groupingIds(indicator);
  return indicator.byLocation.filter((l) => !groups.has(l.id));
}

/** Locations that group others (a country over its regions): shown as subtotals. */
export function groupRows<T extends WithLocations>(indicator: T): T["byLocation"] {
  const groups = groupingIds(indicator);
  return indicator.byLocation.filter((l) => groups.has(l.id));
}
