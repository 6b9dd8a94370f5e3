// Which of a project's places a surveyed point lies in: the geopoint a KoboToolbox or ODK form records
// ("lat lon altitude accuracy") tested against the places' outlines. Where outlines nest (a region
// inside its country), the smallest one holding the point is the place. Pure: no I/O.
import { geoArea, geoContains } from "d3-geo";
import type { Boundary, Position } from "@/lib/domain/maps/geometry";

/**
 * A geopoint answer as [longitude, latitude], or null when the text is not one: KoboToolbox and ODK
 * write "latitude longitude altitude accuracy" separated by spaces; "latitude, longitude" is read too.
 */
export function readGeopoint(text: string): Position | null {
  const t = text.trim();
  // A comma only between the two coordinates: "12,5 3" is a decimal comma, not a point.
  const parts = t.includes(",") ? t.split(/\s*,\s*/) : t.split(/\s+/);
  if (parts.length < 2 || parts.length > (t.includes(",") ? 2 : 4)) return null;
  const numbers = parts.map(Number);
  if (numbers.some((n) => !Number.isFinite(n)) || parts.some((p) => !/^[-+]?\d+(\.\d+)?$/.test(p))) return null;
  const [lat = Number.NaN, lon = Number.NaN] = numbers;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

/** Finds the place whose outline holds a point; null when none does. */
export function placeLocator(places: { locationId: string; boundary: Boundary | null }[]) {
  const outlined = places
    .flatMap((p) => (p.boundary ? [{ locationId: p.locationId, boundary: p.boundary }] : []))
    .map((p) => ({ ...p, area: geoArea(p.boundary) }))
    // Smallest first: a region is found before the country around it.
    .sort((a, b) => a.area - b.area);
  return {
    outlines: outlined.length,
    placeAt(point: Position): string | null {
      return outlined.find((p) => geoContains(p.boundary, point))?.locationId ?? null;
    },
  };
}
