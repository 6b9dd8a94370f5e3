import { readFileSync } from "node:fs";
import { join } from "node:path";
import { geoArea } from "d3-geo";
import { describe, expect, it } from "vitest";
import { drawPlaces } from "@/lib/domain/maps/shapes";
import { readBoundaries } from "./read";

const places = [
  { locationId: "tum", isoCode: "PE-TUM", name: "Tumbes" },
  { locationId: "lim", isoCode: "PE-LIM", name: "Lima" },
  { locationId: "anc", isoCode: null, name: "Áncash" },
];
// A square a degree wide, wound counter-clockwise as RFC 7946 asks (d3-geo wants the other way round).
const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ],
];
const file = (features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });
const polygon = (properties: object, coordinates: unknown) => ({
  type: "Feature",
  properties,
  geometry: { type: "Polygon", coordinates },
});

describe("reading places' outlines from GeoJSON", () => {
  it("matches features by ISO code or by name (accents and case aside) and leaves other places out", () => {
    const reading = readBoundaries(
      file([
        polygon({ shapeISO: "PE-TUM", shapeName: "Tumbes" }, square(-81, -4)),
        polygon({ NAME_1: "ANCASH" }, square(-78, -10)),
        polygon({ name: "Cusco" }, square(-72, -14)),
      ]),
      places,
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.matched.map((m) => m.locationId).sort()).toEqual(["anc", "tum"]);
    expect(reading.unmatched).toEqual(["Cusco"]);
  });

  it("winds rings as d3-geo reads them, whichever way the file wound them", () => {
    const ccw = square(-81, -4);
    const cw = [[...(ccw[0] as number[][])].reverse()];
    for (const coordinates of [ccw, cw]) {
      const reading = readBoundaries(file([polygon({ name: "Tumbes" }, coordinates)]), places);
      if (!reading.ok) throw new Error("refused");
      const boundary = reading.matched[0]?.boundary;
      if (!boundary) throw new Error("no outline");
      // A square degree of the sphere (in steradians), not the whole globe but that square.
      expect(geoArea(boundary)).toBeCloseTo((Math.PI / 180) ** 2, 5);
    }
  });

  it("joins the features of one place (a region and its capital district) into one outline", () => {
    const reading = readBoundaries(
      file([polygon({ iso: "PE-LIM" }, square(-77, -12)), polygon({ iso: "PE-LIM" }, square(-76, -12))]),
      places,
    );
    if (!reading.ok) throw new Error("refused");
    expect(reading.matched[0]?.boundary?.type).toBe("MultiPolygon");
  });

  it("keeps a point as the place's dot", () => {
    const reading = readBoundaries(
      file([
        { type: "Feature", properties: { name: "Lima" }, geometry: { type: "Point", coordinates: [-77.03, -12.05] } },
      ]),
      places,
    );
    if (!reading.ok) throw new Error("refused");
    expect(reading.matched[0]).toMatchObject({ locationId: "lim", boundary: null, point: [-77.03, -12.05] });
    const map = drawPlaces(reading.matched);
    expect(map?.shapes).toEqual([expect.objectContaining({ locationId: "lim", d: null })]);
  });

  it("refuses the whole file, naming the feature, when any feature is not a usable geometry", () => {
    const reading = readBoundaries(
      file([
        polygon({ name: "Tumbes" }, square(-81, -4)),
        { type: "Feature", properties: { name: "Lima" }, geometry: { type: "LineString", coordinates: [] } },
        polygon({ name: "Áncash" }, [
          [
            [-78, -100],
            [-77, -10],
            [-77, -9],
            [-78, -100],
          ],
        ]),
      ]),
      places,
    );
    expect(reading).toEqual({
      ok: false,
      problems: [
        { code: "badGeometry", feature: 2 },
        { code: "badCoordinates", feature: 3 },
      ],
    });
    expect(readBoundaries("{", places)).toEqual({ ok: false, problems: [{ code: "notGeoJson" }] });
    expect(readBoundaries(file([]), places)).toEqual({ ok: false, problems: [{ code: "noFeatures" }] });
  });
});

describe("drawing the demo's places", () => {
  const demo = readFileSync(join(import.meta.dirname, "../../../prisma/demo/boundaries.geojson"), "utf8");
  const peru = [
    { locationId: "tum", isoCode: "PE-TUM", name: "Tumbes" },
    { locationId: "piu", isoCode: "PE-PIU", name: "Piura" },
    { locationId: "lal", isoCode: "PE-LAL", name: "La Libertad" },
    { locationId: "lim", isoCode: "PE-LIM", name: "Lima" },
    { locationId: "cal", isoCode: "PE-CAL", name: "Callao" },
  ];

  it("fits Peru's regions in the frame, north at the top, in a few kilobytes of paths", () => {
    const reading = readBoundaries(demo, peru);
    if (!reading.ok) throw new Error("refused");
    const map = drawPlaces(reading.matched);
    if (!map) throw new Error("no map");
    expect(map.shapes.map((s) => s.locationId).sort()).toEqual(["cal", "lal", "lim", "piu", "tum"]);
    const at = (id: string) => map.shapes.find((s) => s.locationId === id);
    expect(at("tum")?.y).toBeLessThan(at("piu")?.y ?? 0);
    expect(at("piu")?.y).toBeLessThan(at("lim")?.y ?? 0);
    for (const s of map.shapes) {
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x).toBeLessThanOrEqual(map.width);
      expect(s.y).toBeLessThanOrEqual(map.height);
    }
    expect(JSON.stringify(map).length).toBeLessThan(20_000);
  });
});
