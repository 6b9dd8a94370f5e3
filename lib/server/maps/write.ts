// Reading a GeoJSON file against a project's places and saving what matched: shared by the settings
// page's import and the demo data.

import type { BoundaryReading, MatchedPlace, PlaceToMatch } from "@/lib/domain/maps/geometry";
import { readBoundaries } from "@/lib/formats/geojson/read";
import type { Db, Tx } from "@/lib/platform/db";

/** The project's places, as a GeoJSON file's features are matched to them. */
export async function placesToMatch(client: Db | Tx, projectId: string): Promise<PlaceToMatch[]> {
  const places = await client.projectLocation.findMany({
    where: { projectId },
    select: { locationId: true, location: { select: { name: true, isoCode: true } } },
  });
  return places.map((p) => ({ locationId: p.locationId, name: p.location.name, isoCode: p.location.isoCode }));
}

/** Reads the file on this thread: the demo data's own files (an upload is read in a worker, service.ts). */
export async function readProjectBoundaries(
  client: Db | Tx,
  projectId: string,
  text: string,
): Promise<BoundaryReading> {
  return readBoundaries(text, await placesToMatch(client, projectId));
}

/** Gives each matched place its outline or point (what a file does not give is kept). */
export async function saveBoundaries(tx: Tx, projectId: string, matched: MatchedPlace[]): Promise<void> {
  for (const m of matched) {
    await tx.projectLocation.update({
      where: { projectId_locationId: { projectId, locationId: m.locationId } },
      data: {
        ...(m.boundary ? { boundary: m.boundary } : {}),
        ...(m.point ? { longitude: m.point[0], latitude: m.point[1] } : {}),
      },
    });
  }
}
