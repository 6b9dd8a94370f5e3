import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseTargetText } from "@/lib/domain/projects/targets-form";
import { propertyRuns } from "@/lib/testing/budgets";
import { readTypedNumber } from "./numbers";

describe("typed numbers, read in the reader's locale", () => {
  test("English: comma groups thousands, point marks decimals", () => {
    expect(readTypedNumber("1,200", "en")).toBe(1200);
    expect(readTypedNumber("1,160", "en")).toBe(1160);
    expect(readTypedNumber("1.200", "en")).toBe(1.2);
    expect(readTypedNumber("1,200.5", "en")).toBe(1200.5);
    expect(readTypedNumber("26,150", "en")).toBe(26150);
    expect(readTypedNumber("1,234,567", "en")).toBe(1234567);
  });

  test("Spanish: point groups thousands, comma marks decimals; one separator before three digits is ambiguous", () => {
    expect(readTypedNumber("1.200,5", "es")).toBe(1200.5);
    expect(readTypedNumber("1.200.000", "es")).toBe(1200000);
    expect(readTypedNumber("12,5", "es")).toBe(12.5);
    expect(readTypedNumber("1.200", "es")).toBe("ambiguous");
    expect(readTypedNumber("1,200", "es")).toBe("ambiguous");
  });

  test("where the shape decides, both locales agree", () => {
    for (const locale of ["en", "es"] as const) {
      expect(readTypedNumber("1.200,5", locale)).toBe(1200.5);
      expect(readTypedNumber("1,200.5", locale)).toBe(1200.5);
      expect(readTypedNumber("36,46", locale)).toBe(36.46);
      expect(readTypedNumber("0,125", locale)).toBe(0.125);
      expect(readTypedNumber(" 1 234 ", locale)).toBe(1234);
      expect(readTypedNumber("1\u00a0234,5", locale)).toBe(1234.5);
      expect(readTypedNumber("1,20,000", locale)).toBe(120000);
      expect(readTypedNumber("-2.25", locale)).toBe(-2.25);
      expect(readTypedNumber("", locale)).toBeNull();
      for (const bad of ["1,2,3", "twelve", ",5", "5,", "1e5", "1,2345,678", "12 34", "1.200,5,1", "--1"]) {
        expect(readTypedNumber(bad, locale), bad).toBe("invalid");
      }
    }
  });

  test("a number written the locale's way reads back as itself", propertyRuns, () => {
    const format = (locale: "en" | "es", n: number) =>
      new Intl.NumberFormat(locale === "es" ? "es-ES" : "en-US", {
        maximumFractionDigits: 4,
        useGrouping: "always",
      }).format(n);
    fc.assert(
      fc.property(
        fc.constantFrom("en" as const, "es" as const),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.nat(9999),
        (locale, whole, frac) => {
          const n = whole + (frac / 10000) * Math.sign(whole || 1);
          const read = readTypedNumber(format(locale, n), locale);
          if (read === "ambiguous") expect(locale).toBe("es");
          else expect(read).toBeCloseTo(n, 6);
        },
      ),
    );
  });
});

test("a target as typed in the grid: a percentage, counts, or text for qualitative indicators", () => {
  expect(parseTargetText("85%", "PERCENTAGE")).toEqual({ value: 85, numerator: null, denominator: null, note: null });
  expect(parseTargetText("340/400", "PERCENTAGE")).toEqual({
    value: null,
    numerator: 340,
    denominator: 400,
    note: null,
  });
  expect(parseTargetText("1,160/1,500", "PERCENTAGE")).toMatchObject({ numerator: 1160, denominator: 1500 });
  expect(parseTargetText("12,5", "MEAN")).toMatchObject({ value: 12.5 });
  expect(parseTargetText("1.200", "COUNT", "es")).toBe("ambiguous");
  expect(parseTargetText("", "COUNT")).toEqual({ value: null, numerator: null, denominator: null, note: null });
  expect(parseTargetText("x/400", "PERCENTAGE")).toBe("notANumber");
  expect(parseTargetText("many", "COUNT")).toBe("notANumber");
  expect(parseTargetText("Protocol signed", "QUALITATIVE")).toMatchObject({ note: "Protocol signed" });
});
