import { expect, test } from "vitest";
import { guessMapping, importMappingSchema, isApproved } from "./import-mapping";

test("the mapping is guessed from headers, Kobo group prefixes included", () => {
  expect(
    guessMapping(["start", "grp/Indicator", "grp/region", "grp/period", "grp/sex", "grp/value", "_validation_status"]),
  ).toEqual({
    indicator: "grp/Indicator",
    location: "grp/region",
    period: "grp/period",
    option: "grp/sex",
    value: "grp/value",
    validationStatus: "_validation_status",
  });
  expect(guessMapping(["Indicador", "Región", "Periodo", "Numerador", "Denominador"])).toMatchObject({
    indicator: "Indicador",
    location: "Región",
    numerator: "Numerador",
  });
});

test("a mapping needs the indicator, place and period columns and one for the figure", () => {
  const parsed = importMappingSchema.safeParse({ indicator: "i", location: "l", period: "" });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
    ["period", "required"],
    ["value", "required"],
  ]);
});

test("only Kobo's approved validation status counts as approved", () => {
  expect(isApproved("validation_status_approved")).toBe(true);
  expect(isApproved("Approved")).toBe(true);
  expect(isApproved("validation_status_not_approved")).toBe(false);
  expect(isApproved("validation_status_on_hold")).toBe(false);
  expect(isApproved("")).toBe(false);
});
