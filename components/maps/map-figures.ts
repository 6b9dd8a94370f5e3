import { regionRows } from "@/lib/indicators/regions";
import type { Status } from "@/lib/indicators/schedule";
import type { PlaceMap } from "@/lib/maps/shapes";
import type { MapFigure } from "./place-map";

type Figure = { status: Status; achievement: number | null; actual: number | null };
type Located = {
  byLocation: (Figure & { id: string; name: string; parentId: string | null; unassigned: Figure | null })[];
};

/**
 * One figure per working place of an indicator (its achievement, else its value when it has no target),
 * and the places that are not on the map (no outline and no point), by name.
 */
export function mapFigures(
  indicator: Located,
  map: PlaceMap,
  label: (f: Figure) => string,
): { figures: MapFigure[]; offMap: string[] } {
  const places = regionRows(indicator).filter((r) => !r.ownValuesOf);
  const onMap = new Set(map.shapes.map((s) => s.locationId));
  return {
    figures: places.map((r) => ({ locationId: r.id, status: r.status, label: label(r) })),
    offMap: places.filter((r) => !onMap.has(r.id)).map((r) => r.name),
  };
}

const allStatuses: Status[] = ["onTrack", "atRisk", "offTrack", "noTarget", "noData", "notYetDue", "notAssessed"];

/** Every status's word, for a map's labels and legend (`t` is the "status" translations). */
export const statusWords = (t: (status: Status) => string) =>
  Object.fromEntries(allStatuses.map((s) => [s, t(s)])) as Record<Status, string>;
