import { expect, test } from "vitest";
import { projectDetailsSchema } from "./schemas";

const details = {
  version: "1",
  name: "Project",
  startDate: "2024-01-01",
  endDate: "2024-12-31",
  reportingFrequency: "QUARTERLY",
  onTrackThreshold: "0.9",
  atRiskThreshold: "0.6",
  languages: "en",
  locationIds: ["x"],
};

test("a blank threshold is missing, never zero; one that is not a number is named so", () => {
  const blank = projectDetailsSchema.safeParse({ ...details, onTrackThreshold: " " });
  expect(blank.success).toBe(false);
  expect(blank.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
    "onTrackThreshold",
    "required",
  ]);
  const word = projectDetailsSchema.safeParse({ ...details, atRiskThreshold: "most" });
  expect(word.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
    "atRiskThreshold",
    "notANumber",
  ]);
  const parsed = projectDetailsSchema.parse(details);
  expect([parsed.onTrackThreshold, parsed.atRiskThreshold]).toEqual([0.9, 0.6]);
  expect(projectDetailsSchema.parse(parsed)).toEqual(parsed);
});
