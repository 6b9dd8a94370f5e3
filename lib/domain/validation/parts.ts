// Rule: a count's parts (the options of one disaggregation, e.g. female and male) may not add up to
// more than its total for the same place and period. A draft may keep such figures (the grid warns);
// a submission may not. One check for the entry grid, the results API and the import.

export type CountFigure = {
  indicatorId: string;
  locationId: string;
  /** The period or survey round. */
  timeId: string;
  /** Null for the total. */
  optionId: string | null;
  value: number | null;
};

export type PartsExcess = { indicatorId: string; locationId: string; timeId: string; total: number; parts: number };

/**
 * Totals exceeded by the sum of one dimension's parts. `dimensionOf` names the dimension of each option
 * (options of different dimensions each add up to the total on their own).
 */
export function partsOverTotal(figures: CountFigure[], dimensionOf: (optionId: string) => string | undefined) {
  const totals = new Map<string, number>();
  const parts = new Map<string, number>();
  for (const f of figures) {
    if (f.value === null) continue;
    const cell = [f.indicatorId, f.locationId, f.timeId].join("|");
    if (f.optionId === null) totals.set(cell, f.value);
    else {
      const key = `${cell}|${dimensionOf(f.optionId) ?? f.optionId}`;
      parts.set(key, (parts.get(key) ?? 0) + f.value);
    }
  }
  const excesses = new Map<string, PartsExcess>();
  for (const [key, sum] of parts) {
    const [indicatorId = "", locationId = "", timeId = ""] = key.split("|");
    const cell = [indicatorId, locationId, timeId].join("|");
    const total = totals.get(cell);
    // A rounding margin: parts typed with decimals (hectares) may not add up exactly.
    if (total === undefined || sum <= total + 1e-9) continue;
    if (!excesses.has(cell) || (excesses.get(cell)?.parts ?? 0) < sum)
      excesses.set(cell, { indicatorId, locationId, timeId, total, parts: sum });
  }
  return [...excesses.values()];
}
