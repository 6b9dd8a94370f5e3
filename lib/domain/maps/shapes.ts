// Places' outlines and points drawn once on the server as SVG paths fitted to a frame, so the browser
// receives a few kilobytes of path data and no mapping code.
import { type GeoPermissibleObjects, type GeoStream, geoMercator, geoPath } from "d3-geo";
import type { Boundary, Position } from "@/lib/domain/maps/geometry";

export type MapPlace = { locationId: string; name: string; boundary: Boundary | null; point: Position | null };

/** One place on the map: its outline (`d`) or its dot, and where its label goes. */
export type PlaceShape = { locationId: string; name: string; d: string | null; x: number; y: number; area: number };
export type PlaceMap = { width: number; height: number; shapes: PlaceShape[] };

export const MAP_WIDTH = 480;
const MAX_HEIGHT = 420;
const PAD = 12;
/** Points closer than this on the drawing (pixels) are merged: finer detail would not be seen. */
const PIXEL_TOLERANCE = 0.8;

/** A projection stream that drops points within PIXEL_TOLERANCE of the last one kept. */
function dropNearPoints(out: GeoStream): GeoStream {
  let last: [number, number] | null = null;
  let first = true;
  return {
    point(x, y) {
      if (!first && last && Math.hypot(x - last[0], y - last[1]) < PIXEL_TOLERANCE) return;
      first = false;
      last = [x, y];
      out.point(x, y);
    },
    lineStart() {
      first = true;
      last = null;
      out.lineStart();
    },
    lineEnd: () => out.lineEnd(),
    polygonStart: () => out.polygonStart(),
    polygonEnd: () => out.polygonEnd(),
    sphere: () => out.sphere?.(),
  };
}

/** A box of about a degree around points alone, so a map of dots has a scale. */
function around(points: Position[]): GeoPermissibleObjects {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...xs) - 1, Math.max(...xs) + 1, Math.min(...ys) - 1, Math.max(...ys) + 1];
  return {
    type: "MultiPoint",
    coordinates: [
      [w, s],
      [e, n],
    ],
  };
}

/** The places fitted into a frame MAP_WIDTH wide; null when none has an outline or a point. */
export function drawPlaces(places: MapPlace[]): PlaceMap | null {
  const outlined = places.filter((p) => p.boundary);
  const dotted = places.filter((p) => !p.boundary && p.point);
  if (outlined.length === 0 && dotted.length === 0) return null;
  const all: GeoPermissibleObjects = {
    type: "GeometryCollection",
    geometries: [
      ...outlined.map((p) => p.boundary as Boundary),
      ...(outlined.length ? [] : [around(dotted.map((p) => p.point as Position)) as never]),
      ...dotted.map((p) => ({ type: "Point" as const, coordinates: p.point as Position })),
    ],
  };
  const projection = geoMercator().fitWidth(MAP_WIDTH - 2 * PAD, all);
  const [[, top], [, bottom]] = geoPath(projection).bounds(all);
  const height = Math.min(MAX_HEIGHT, Math.ceil(bottom - top) + 2 * PAD);
  projection.fitExtent(
    [
      [PAD, PAD],
      [MAP_WIDTH - PAD, height - PAD],
    ],
    all,
  );
  const draw = geoPath({ stream: (out) => projection.stream(dropNearPoints(out)) }).digits(1);
  const exact = geoPath(projection);
  const shapes = places.flatMap((p): PlaceShape[] => {
    if (p.boundary) {
      const [x, y] = exact.centroid(p.boundary);
      return [{ locationId: p.locationId, name: p.name, d: draw(p.boundary), x, y, area: exact.area(p.boundary) }];
    }
    const xy = p.point && projection(p.point);
    return xy ? [{ locationId: p.locationId, name: p.name, d: null, x: xy[0], y: xy[1], area: 0 }] : [];
  });
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    width: MAP_WIDTH,
    height,
    shapes: shapes.map((s) => ({ ...s, x: round(s.x), y: round(s.y), area: Math.round(s.area) })),
  };
}
