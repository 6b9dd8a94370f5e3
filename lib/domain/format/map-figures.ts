import { regionRows } from "@/lib/domain/engine/regions";
import type { Status } from "@/lib/domain/engine/schedule";
import type { Measure } from "@/lib/domain/engine/types";
import { type Format, formatFigure, formatShare } from "@/lib/domain/format/figure-format";
import type { PlaceMap } from "@/lib/domain/maps/shapes";
import type { MapFigure } from "./map-colours";

type Figure = { status: Status; achievement: number | null; actual: number | null };
type Located = {
  indicator: { measure: Measure };
  byLocation: (Figure & { id: string; name: string; parentId: string | null; unassigned: Figure | null })[];
};

/**
 * One figure per working place of an indicator, labelled with its achievement (else its value, when it
 * has no target); those places' rows, for the map's table; and the places that are not on the map (no
 * outline and no point), by name. The one reading of an indicator's map, on the page and in the PDF.
 */
export function mapFigures<T extends Located>(
  indicator: T,
  map: PlaceMap,
  format: Format,
): { figures: MapFigure[]; rows: T["byLocation"]; offMap: string[] } {
  const places = regionRows(indicator).filter((r) => !r.ownValuesOf);
  const onMap = new Set(map.shapes.map((s) => s.locationId));
  const label = (f: Figure) =>
    f.achievement !== null
      ? formatShare(format, f.achievement)
      : formatFigure(format, indicator.indicator.measure, f.actual, "–");
  const figures = places.map((r) => ({ locationId: r.id, status: r.status, label: label(r) }));
  return {
    figures,
    rows: indicator.byLocation.filter((l) => figures.some((f) => f.locationId === l.id)),
    offMap: places.filter((r) => !onMap.has(r.id)).map((r) => r.name),
  };
}

const allStatuses: Status[] = ["onTrack", "atRisk", "offTrack", "noTarget", "noData", "notYetDue", "notAssessed"];

/** Every status's word, for a map's labels and legend (`t` is the "status" translations). */
export const statusWords = (t: (status: Status) => string) =>
  Object.fromEntries(allStatuses.map((s) => [s, t(s)])) as Record<Status, string>;
