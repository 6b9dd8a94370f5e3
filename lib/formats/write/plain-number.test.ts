import { expect, test } from "vitest";
import { plainNumber } from "./plain-number";

test("files get the figure, not the binary noise of the division that made it", () => {
  expect(String((607 / 2000) * 100)).toBe("30.349999999999998");
  expect(plainNumber((607 / 2000) * 100)).toBe("30.35");
  expect(plainNumber(0.1 + 0.2)).toBe("0.3");
  expect(plainNumber(20510)).toBe("20510");
  expect(plainNumber(1234567.891)).toBe("1234567.891");
  expect(plainNumber(-2.5e-7)).toBe("-2.5e-7");
});
