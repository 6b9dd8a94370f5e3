import { expect, test } from "vitest";
import { outlierAgainst } from "./outliers";

test("more than three times or under a third of the period before is flagged, with the earlier figure", () => {
  expect(outlierAgainst(1200, 120)).toEqual({ direction: "higher", previous: 120 });
  expect(outlierAgainst(30, 120)).toEqual({ direction: "lower", previous: 120 });
  expect(outlierAgainst(360, 120)).toBeNull();
  expect(outlierAgainst(40, 120)).toBeNull();
  // Nothing to compare with: no earlier figure, or zero.
  expect(outlierAgainst(5, null)).toBeNull();
  expect(outlierAgainst(5, 0)).toBeNull();
  expect(outlierAgainst(null, 10)).toBeNull();
});
