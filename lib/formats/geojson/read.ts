// Reading places' outlines and points from a GeoJSON file (RFC 7946) as a manager uploads it: each
// feature is checked, matched to one of the project's places by ISO code or name, and its geometry is
// kept in the form the maps draw (rings wound as d3-geo expects, coordinates rounded, near points merged).
import { geoArea } from "d3-geo";
import type {
  Boundary,
  BoundaryProblem,
  BoundaryReading,
  MatchedPlace,
  PlaceToMatch,
  Position,
} from "@/lib/domain/maps/geometry";

/** ~11 m at the equator: finer than any map here draws, and it keeps national files small. */
const PRECISION = 4;
/** Consecutive points closer than this (degrees, ~100 m) are merged. */
const TOLERANCE = 0.001;
/** Points per place kept after simplification: a whole country's admin-1 file stays well under this. */
export const MAX_POINTS_PER_PLACE = 50_000;
/**
 * Coordinates in a whole file, counted before anything is simplified: a national admin-1 file at full
 * precision is ~250,000 (about 5 MB); more is refused, to be simplified first (e.g. with mapshaper).
 */
export const MAX_POINTS_PER_FILE = 500_000;

const round = (v: number) => Number(v.toFixed(PRECISION));

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === "number" &&
    typeof p[1] === "number" &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

/** A ring with near-duplicate points merged and closed again; null when too little is left of it. */
export function simplifyRing(
  ring: Position[],
  { tolerance = TOLERANCE, precision = PRECISION } = {},
): Position[] | null {
  const kept: Position[] = [];
  for (const [x, y] of ring) {
    const last = kept[kept.length - 1];
    if (last && Math.abs(last[0] - x) < tolerance && Math.abs(last[1] - y) < tolerance) continue;
    kept.push([Number(x.toFixed(precision)), Number(y.toFixed(precision))]);
  }
  if (kept.length < 3) return null;
  const [first, last] = [kept[0] as Position, kept[kept.length - 1] as Position];
  if (first[0] !== last[0] || first[1] !== last[1]) kept.push([first[0], first[1]]);
  return kept.length >= 4 ? kept : null;
}

/**
 * A polygon's rings simplified and wound as d3-geo reads them (clockwise outer rings on the sphere);
 * RFC 7946 files wind them the other way, which d3-geo would read as the whole globe but the place.
 */
function normalPolygon(rings: Position[][]): Position[][] | null {
  const simplified = rings.map((ring) => simplifyRing(ring));
  if (!simplified[0]) return null;
  const polygon = simplified.filter((r): r is Position[] => r !== null);
  if (geoArea({ type: "Polygon", coordinates: polygon }) > 2 * Math.PI) {
    for (const ring of polygon) ring.reverse();
  }
  return polygon;
}

type Shape = { boundary: Position[][][] } | { point: Position } | "bad" | "badCoordinates";

function readGeometry(geometry: unknown): Shape {
  if (!geometry || typeof geometry !== "object") return "bad";
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === "Point")
    return isPosition(coordinates) ? { point: [round(coordinates[0]), round(coordinates[1])] } : "badCoordinates";
  const polygons = type === "Polygon" ? [coordinates] : type === "MultiPolygon" ? coordinates : null;
  if (!Array.isArray(polygons)) return "bad";
  const valid = polygons.every(
    (rings) => Array.isArray(rings) && rings.every((ring) => Array.isArray(ring) && ring.every(isPosition)),
  );
  if (!valid) return "badCoordinates";
  const normal = (polygons as Position[][][]).map(normalPolygon).filter((p): p is Position[][] => p !== null);
  return { boundary: normal };
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .trim()
    .toLowerCase();

/**
 * The place a feature is about: one whose ISO code is one of the feature's property values, else one
 * whose name is (accents and case aside). A national file holds every region; the others are left out.
 */
function placeOf(properties: Record<string, unknown>, places: PlaceToMatch[]): PlaceToMatch | undefined {
  const values = Object.values(properties)
    .filter((v): v is string => typeof v === "string" && v.length > 0)
    .map(fold);
  return (
    places.find((p) => p.isoCode && values.includes(fold(p.isoCode))) ??
    places.find((p) => values.includes(fold(p.name)))
  );
}

function featureName(properties: Record<string, unknown>, index: number): string {
  for (const key of ["name", "NAME", "shapeName", "NAME_1", "name_en", "ADM1_EN", "iso_3166_2", "id"]) {
    const value = properties[key];
    if (typeof value === "string" && value) return value;
  }
  return `#${index + 1}`;
}

const boundaryOf = (polygons: Position[][][]): Boundary =>
  polygons.length === 1
    ? { type: "Polygon", coordinates: polygons[0] as Position[][] }
    : { type: "MultiPolygon", coordinates: polygons };

const countPoints = (polygons: Position[][][]) =>
  polygons.reduce((sum, rings) => sum + rings.reduce((s, r) => s + r.length, 0), 0);

/** The coordinates of the features' polygons (what is not a polygon's ring is left to readGeometry). */
function countCoordinates(features: unknown[]): number {
  let count = 0;
  const arrays = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  for (const feature of features) {
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    const polygons =
      geometry?.type === "Polygon"
        ? [geometry.coordinates]
        : geometry?.type === "MultiPolygon"
          ? arrays(geometry.coordinates)
          : [];
    for (const rings of polygons) for (const ring of arrays(rings)) count += arrays(ring).length;
  }
  return count;
}

/** Reads a GeoJSON file and matches its features to the project's places; any bad feature refuses all. */
export function readBoundaries(text: string, places: PlaceToMatch[]): BoundaryReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ code: "notGeoJson" }] };
  }
  const root = json as { type?: unknown; features?: unknown; geometry?: unknown };
  const features =
    root?.type === "FeatureCollection" && Array.isArray(root.features)
      ? (root.features as unknown[])
      : root?.type === "Feature"
        ? [root]
        : null;
  if (!features) return { ok: false, problems: [{ code: "notGeoJson" }] };
  if (features.length === 0) return { ok: false, problems: [{ code: "noFeatures" }] };
  const points = countCoordinates(features);
  if (points > MAX_POINTS_PER_FILE)
    return { ok: false, problems: [{ code: "tooManyPoints", points, limit: MAX_POINTS_PER_FILE }] };

  const problems: BoundaryProblem[] = [];
  const byPlace = new Map<string, { place: PlaceToMatch; polygons: Position[][][]; point: Position | null }>();
  const unmatched: string[] = [];
  for (const [index, raw] of features.entries()) {
    const feature = (raw ?? {}) as { geometry?: unknown; properties?: unknown };
    const properties = (
      feature.properties && typeof feature.properties === "object" ? feature.properties : {}
    ) as Record<string, unknown>;
    const shape = readGeometry(feature.geometry);
    if (shape === "bad" || shape === "badCoordinates") {
      problems.push({ code: shape === "bad" ? "badGeometry" : "badCoordinates", feature: index + 1 });
      continue;
    }
    const place = placeOf(properties, places);
    if (!place) {
      unmatched.push(featureName(properties, index));
      continue;
    }
    const entry = byPlace.get(place.locationId) ?? { place, polygons: [], point: null };
    // A place drawn in several features (a region and its capital district) is their union.
    if ("boundary" in shape) entry.polygons.push(...shape.boundary);
    else entry.point = shape.point;
    byPlace.set(place.locationId, entry);
  }
  for (const { place, polygons } of byPlace.values()) {
    const points = countPoints(polygons);
    if (points > MAX_POINTS_PER_PLACE) {
      problems.push({ code: "tooDetailed", place: place.name, points, limit: MAX_POINTS_PER_PLACE });
    }
  }
  if (problems.length) return { ok: false, problems };
  const matched = [...byPlace.values()].map(
    ({ place, polygons, point }): MatchedPlace => ({
      locationId: place.locationId,
      name: place.name,
      boundary: polygons.length === 0 ? null : boundaryOf(polygons),
      point,
    }),
  );
  return { ok: true, matched, unmatched };
}
