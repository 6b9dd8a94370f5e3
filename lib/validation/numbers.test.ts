import { expect, test } from "vitest";
import { parseTargetText } from "@/lib/projects/targets-form";
import { readTypedNumber } from "./numbers";

test("typed numbers: decimal comma and thousands spaces, nothing else", () => {
  expect(readTypedNumber("1,5")).toBe(1.5);
  expect(readTypedNumber(" 1 234 ")).toBe(1234);
  expect(readTypedNumber("-2.25")).toBe(-2.25);
  expect(readTypedNumber("")).toBeNull();
  expect(readTypedNumber("1,2,3")).toBe("invalid");
  expect(readTypedNumber("twelve")).toBe("invalid");
});

test("a target as typed in the grid: a percentage, counts, or text for qualitative indicators", () => {
  expect(parseTargetText("85%", "PERCENTAGE")).toEqual({ value: 85, numerator: null, denominator: null, note: null });
  expect(parseTargetText("340/400", "PERCENTAGE")).toEqual({
    value: null,
    numerator: 340,
    denominator: 400,
    note: null,
  });
  expect(parseTargetText("12,5", "MEAN")).toMatchObject({ value: 12.5 });
  expect(parseTargetText("", "COUNT")).toEqual({ value: null, numerator: null, denominator: null, note: null });
  expect(parseTargetText("x/400", "PERCENTAGE")).toBe("notANumber");
  expect(parseTargetText("many", "COUNT")).toBe("notANumber");
  expect(parseTargetText("Protocol signed", "QUALITATIVE")).toMatchObject({ note: "Protocol signed" });
});
