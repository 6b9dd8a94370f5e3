import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { readBoundaries } from "@/lib/formats/geojson/read";
import { placeLocator, readGeopoint } from "./locate";

test("geopoints as KoboToolbox and ODK write them, and nothing else, are read as [longitude, latitude]", () => {
  expect(readGeopoint("-12.0464 -77.0428 154.2 5")).toEqual([-77.0428, -12.0464]);
  expect(readGeopoint("-12.0464 -77.0428")).toEqual([-77.0428, -12.0464]);
  expect(readGeopoint("-12.0464, -77.0428")).toEqual([-77.0428, -12.0464]);
  for (const text of ["PE-LIM", "Lima", "", "12", "-12.0 -77.0 1 2 3", "95 10", "10 190", "1e3 2", "12,5 3"])
    expect(readGeopoint(text)).toBeNull();
});

test("a point is placed in the smallest outline that holds it (the region, not the country around it)", () => {
  // The demo's Natural Earth outlines of Peru and of its regions, read as a manager's upload is.
  const demo = readFileSync(join(import.meta.dirname, "../../../prisma/demo/boundaries.geojson"), "utf8");
  const codes = ["PE-TUM", "PE-PIU", "PE-LAL", "PE-LIM", "PE-CAL", "PE"];
  const reading = readBoundaries(
    demo,
    codes.map((code) => ({ locationId: code, isoCode: code, name: code })),
  );
  if (!reading.ok) throw new Error("refused");
  const { placeAt, outlines } = placeLocator([...reading.matched, { locationId: "no-outline", boundary: null }]);
  expect(outlines).toBe(6);
  // Lima's Plaza Mayor, Trujillo, Piura, Tumbes: each in its region.
  expect(placeAt([-77.0302, -12.0453])).toBe("PE-LIM");
  expect(placeAt([-79.0288, -8.1116])).toBe("PE-LAL");
  expect(placeAt([-80.6328, -5.1945])).toBe("PE-PIU");
  expect(placeAt([-80.4515, -3.5669])).toBe("PE-TUM");
  // Cusco is in Peru but in none of the project's regions; Quito is in neither.
  expect(placeAt([-71.9675, -13.5319])).toBe("PE");
  expect(placeAt([-78.4678, -0.1807])).toBeNull();
});
