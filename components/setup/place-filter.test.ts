import { expect, test } from "vitest";
import { matchingPlaces } from "./place-filter";

const places = [
  { id: "rs", name: "Serbia", isoCode: "RS", depth: 0 },
  { id: "bg", name: "Belgrade", isoCode: "RS-00", depth: 1 },
  { id: "zemun", name: "Zemun", isoCode: null, depth: 2 },
  { id: "pe", name: "Perú", isoCode: "PE", depth: 0 },
  { id: "lim", name: "Lima", isoCode: "PE-LIM", depth: 1 },
  { id: "tum", name: "Tumbes", isoCode: "PE-TUM", depth: 1 },
];

test("a region is found by its country's name, with its own sub-places", () => {
  expect([...matchingPlaces(places, "serbia")]).toEqual(["rs", "bg", "zemun"]);
  expect([...matchingPlaces(places, "Peru")]).toEqual(["pe", "lim", "tum"]);
});

test("a region is found by its own name or code, without case or accents, and not its siblings", () => {
  expect([...matchingPlaces(places, "BELGRADE")]).toEqual(["bg", "zemun"]);
  expect([...matchingPlaces(places, "pe-tum")]).toEqual(["tum"]);
  expect([...matchingPlaces(places, "perú lim")]).toEqual([]);
  expect(matchingPlaces(places, "  ").size).toBe(places.length);
});
