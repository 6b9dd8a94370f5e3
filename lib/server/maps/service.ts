// A project's map: its places' outlines and points, imported by a manager from a GeoJSON file and drawn
// once per data version (an import changes the project's places, which moves the version).
import "server-only";
import type { BoundaryReading, Position } from "@/lib/domain/maps/geometry";
import { drawPlaces, type MapPlace, type PlaceMap } from "@/lib/domain/maps/shapes";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { readOffThread } from "@/lib/formats/read/off-thread";
import { db, readDb } from "@/lib/platform/db";
import { LruCache } from "@/lib/platform/ops/lru-cache";
import { recordAudit } from "@/lib/server/audit/record";
import { placesToMatch, saveBoundaries } from "./write";

const drawn = new LruCache<PlaceMap | null>(200);

async function mapPlaces(projectId: string): Promise<MapPlace[]> {
  const rows = await readDb().projectLocation.findMany({
    where: { projectId },
    select: {
      locationId: true,
      boundary: true,
      latitude: true,
      longitude: true,
      location: { select: { name: true } },
    },
    orderBy: { location: { name: "asc" } },
  });
  return rows.map((r) => ({
    locationId: r.locationId,
    name: r.location.name,
    boundary: (r.boundary as MapPlace["boundary"]) ?? null,
    point: r.latitude !== null && r.longitude !== null ? ([r.longitude, r.latitude] as Position) : null,
  }));
}

/**
 * The project's places drawn for a map, or null when none has an outline or a point. `version` is the
 * project's data version when the caller has it (summaries carry it): the drawing is then kept.
 */
export async function placeMap(principal: Principal, projectId: string, version?: number | null) {
  assertCan(principal, "project.read", projectId);
  const key = version == null ? null : `${projectId}:${version}`;
  const known = key ? drawn.get(key) : undefined;
  if (known !== undefined) return known;
  const map = drawPlaces(await mapPlaces(projectId));
  if (key) drawn.set(key, map);
  return map;
}

/** Which of the project's places have an outline or a point (for the settings page). */
export async function boundaryCoverage(principal: Principal, projectId: string) {
  assertCan(principal, "project.edit", projectId);
  const places = await mapPlaces(projectId);
  return places.map((p) => ({ name: p.name, shape: p.boundary ? "outline" : p.point ? "point" : "none" }) as const);
}

/**
 * Reads a GeoJSON file and gives the matched places their outline or point, in one transaction and
 * audited; a file with any bad feature changes nothing. The file is read in a worker thread, time- and
 * memory-limited: past a limit it is refused (ReadRefused, "readTimedOut" or "readTooLarge").
 */
export async function importBoundaries(
  principal: Principal,
  projectId: string,
  text: string,
): Promise<BoundaryReading> {
  assertCan(principal, "project.edit", projectId);
  const userId = requireUserId(principal);
  const reading = await readOffThread("boundaries", { text, places: await placesToMatch(db(), projectId) });
  if (!reading.ok || reading.matched.length === 0) return reading;
  await db().$transaction(async (tx) => {
    await saveBoundaries(tx, projectId, reading.matched);
    await recordAudit(tx, {
      action: "project.boundaries",
      entityType: "Project",
      entityId: projectId,
      projectId,
      actorUserId: userId,
      after: {
        outlines: reading.matched.filter((m) => m.boundary).map((m) => m.name),
        points: reading.matched.filter((m) => m.point).map((m) => m.name),
      },
    });
  });
  return reading;
}
