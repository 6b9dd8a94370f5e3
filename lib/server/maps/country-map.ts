// Countries drawn for the organisation's roll-up (#34): each country's outline (or point) as a project
// the caller may open imported it (lib/server/maps: places' outlines are kept per project), the first
// found with an outline. Countries no readable project has an outline or point for are left off.
import "server-only";
import type { Position } from "@/lib/domain/maps/geometry";
import { drawPlaces, type MapPlace, type PlaceMap } from "@/lib/domain/maps/shapes";
import type { Principal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { allOf, readableProjectsWhere } from "@/lib/server/access/scoped-list";

/** The countries of these ISO codes drawn as a map, with each shape's country code; null when none can be drawn. */
export async function countryMap(
  principal: Principal,
  isoCodes: string[],
): Promise<{ map: PlaceMap; codeOf: Record<string, string> } | null> {
  if (!isoCodes.length) return null;
  const rows = await db().projectLocation.findMany({
    where: allOf(
      { location: { level: "COUNTRY", isoCode: { in: isoCodes } } },
      { project: readableProjectsWhere(principal) },
    ),
    select: {
      locationId: true,
      boundary: true,
      latitude: true,
      longitude: true,
      location: { select: { name: true, isoCode: true } },
    },
    orderBy: [{ locationId: "asc" }, { projectId: "asc" }],
  });
  const places = new Map<string, MapPlace>();
  const codeOf: Record<string, string> = {};
  for (const r of rows) {
    const place: MapPlace = {
      locationId: r.locationId,
      name: r.location.name,
      boundary: (r.boundary as MapPlace["boundary"]) ?? null,
      point: r.latitude !== null && r.longitude !== null ? ([r.longitude, r.latitude] as Position) : null,
    };
    const known = places.get(r.locationId);
    if (!place.boundary && !place.point) continue;
    if (!known || (!known.boundary && place.boundary)) places.set(r.locationId, place);
    codeOf[r.locationId] = r.location.isoCode ?? r.locationId;
  }
  const map = drawPlaces([...places.values()]);
  return map ? { map, codeOf } : null;
}
