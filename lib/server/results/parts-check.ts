import "server-only";
import type { Measure } from "@/lib/domain/engine/types";
import { addsUp } from "@/lib/domain/measures";
import { partsOverTotal } from "@/lib/domain/validation/parts";
// A submission may not leave a count's parts above its total (lib/domain/validation/parts.ts): the figures of
// a batch, laid over what is saved for the same places and periods, checked together.
import type { Db, Tx } from "@/lib/platform/db";

type Indicator = {
  id: string;
  measure: Measure;
  dimensions: { dimension: { id: string; options: { id: string }[] } }[];
};
type Item = {
  indicatorId: string;
  locationId: string;
  periodId?: string | null;
  roundId?: string | null;
  optionId?: string | null;
  value?: number | null;
};

const timeOf = (r: { periodId?: string | null; roundId?: string | null }) => r.periodId ?? r.roundId ?? "";
const placeOf = (r: Item) => [r.indicatorId, r.locationId, timeOf(r)].join("|");
const cellOf = (r: Item) => `${placeOf(r)}|${r.optionId ?? ""}`;

/** Totals the batch would leave below their parts, each with the batch item to name (the total, else a part). */
export async function partsOverTotals(client: Db | Tx, indicators: Indicator[], items: Item[]) {
  const dimensionOf = new Map<string, string>();
  const counts = new Set<string>();
  for (const indicator of indicators) {
    if (!addsUp(indicator.measure) || indicator.dimensions.length === 0) continue;
    counts.add(indicator.id);
    for (const { dimension } of indicator.dimensions)
      for (const option of dimension.options) dimensionOf.set(option.id, dimension.id);
  }
  const touched = items.filter((item) => counts.has(item.indicatorId));
  if (touched.length === 0) return [];
  const saved = await client.result.findMany({
    where: {
      indicatorId: { in: [...new Set(touched.map((i) => i.indicatorId))] },
      locationId: { in: [...new Set(touched.map((i) => i.locationId))] },
      OR: [
        { periodId: { in: touched.flatMap((i) => (i.periodId ? [i.periodId] : [])) } },
        { roundId: { in: touched.flatMap((i) => (i.roundId ? [i.roundId] : [])) } },
      ],
    },
    select: { indicatorId: true, locationId: true, periodId: true, roundId: true, optionId: true, value: true },
  });
  const places = new Set(touched.map(placeOf));
  const figures = new Map<string, Item>();
  for (const row of saved) if (places.has(placeOf(row))) figures.set(cellOf(row), row);
  for (const item of touched) figures.set(cellOf(item), item);
  const excesses = partsOverTotal(
    [...figures.values()].map((f) => ({
      indicatorId: f.indicatorId,
      locationId: f.locationId,
      timeId: timeOf(f),
      optionId: f.optionId ?? null,
      value: f.value ?? null,
    })),
    (optionId) => dimensionOf.get(optionId),
  );
  return excesses.flatMap((excess) => {
    const place = [excess.indicatorId, excess.locationId, excess.timeId].join("|");
    const total = items.findIndex((item) => placeOf(item) === place && !item.optionId);
    const index = total >= 0 ? total : items.findIndex((item) => placeOf(item) === place);
    return index >= 0 ? [{ ...excess, index }] : [];
  });
}
