import { expect, test } from "vitest";
import { partsOverTotal } from "./parts";

const sex = (optionId: string) => (optionId === "f" || optionId === "m" ? "sex" : "age");
const at = (optionId: string | null, value: number | null, locationId = "tum") => ({
  indicatorId: "i",
  locationId,
  timeId: "q1",
  optionId,
  value,
});

test("parts of one dimension above the total are named with both figures", () => {
  expect(partsOverTotal([at(null, 700), at("f", 400), at("m", 400)], sex)).toEqual([
    { indicatorId: "i", locationId: "tum", timeId: "q1", total: 700, parts: 800 },
  ]);
});

test("parts within the total, of different dimensions, without a total or in other places pass", () => {
  const figures = [
    at(null, 700),
    at("f", 400),
    at("m", 300),
    at("young", 500), // another dimension: adds up on its own
    at("old", 200),
    at("f", 900, "piu"), // no total there
    at(null, null, "lim"),
    at("f", 10, "lim"),
  ];
  expect(partsOverTotal(figures, sex)).toEqual([]);
  expect(partsOverTotal([at(null, 1.2), at("f", 0.7), at("m", 0.5)], sex)).toEqual([]);
});
