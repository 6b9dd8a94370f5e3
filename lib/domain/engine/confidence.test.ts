import fc from "fast-check";
import { expect, test } from "vitest";
import { propertyRuns } from "@/lib/testing/budgets";
import { changeBetweenRounds, wilsonInterval } from "./confidence";

test("Wilson interval of a known case (Newcombe 1998: 81 of 263)", () => {
  const ci = wilsonInterval(81, 263);
  expect(ci?.low).toBeCloseTo(25.53, 2);
  expect(ci?.high).toBeCloseTo(36.62, 2);
});

test("Wilson interval stays within 0–100% and contains the estimate", propertyRuns, () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
      const k = Math.round(n * share);
      const ci = wilsonInterval(k, n);
      expect(ci).not.toBeNull();
      expect(ci!.low).toBeGreaterThanOrEqual(0);
      expect(ci!.high).toBeLessThanOrEqual(100);
      expect(ci!.low).toBeLessThanOrEqual((k / n) * 100 + 1e-9);
      expect(ci!.high).toBeGreaterThanOrEqual((k / n) * 100 - 1e-9);
    }),
  );
});

test("no interval without a sample", () => {
  expect(wilsonInterval(0, 0)).toBeNull();
  expect(wilsonInterval(5, 3)).toBeNull();
});

test("a round-to-round change is compared with its margin of error", () => {
  // Peru, final evaluation vs baseline: 222/372 vs 141/380, about +22 points.
  const big = changeBetweenRounds({ numerator: 141, n: 380 }, { numerator: 222, n: 372 });
  expect(big?.difference).toBeCloseTo((222 / 372 - 141 / 380) * 100, 10);
  expect(big?.exceedsMarginOfError).toBe(true);
  const small = changeBetweenRounds({ numerator: 40, n: 100 }, { numerator: 44, n: 100 });
  expect(small?.exceedsMarginOfError).toBe(false);
  expect(small?.marginOfError).toBeGreaterThan(4);
});
