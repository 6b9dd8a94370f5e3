import { expect, test } from "vitest";
import { summarizeIndicator } from "@/lib/indicators/summary";
import { groupRows, regionRows, targetVsAchievedData } from "./shape";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

test("regions are charted and their country becomes a subtotal", () => {
  const summary = summarizeIndicator(
    {
      id: "i",
      code: "I",
      title: "People",
      unit: "",
      measure: "COUNT",
      direction: "INCREASE",
      timeRule: "NON_CUMULATIVE",
      source: "MONITORING",
      baseline: { value: null, numerator: null, denominator: null },
      dimensions: [],
      composedFrom: null,
    },
    [
      {
        locationId: "A",
        timeId: "p",
        timeEnd: d("2021-03-31"),
        optionId: null,
        value: 7,
        numerator: null,
        denominator: null,
        weightedValue: null,
        sampleSize: null,
        resultCount: 1,
      },
    ],
    [{ periodId: null, roundId: null, locationId: "A", optionId: null, value: 10, numerator: null, denominator: null }],
    {
      project: { start: d("2021-01-01"), end: d("2021-12-31"), thresholds: { onTrack: 0.9, atRisk: 0.75 } },
      asOf: d("2021-06-30"),
      locations: [
        { id: "C", name: "Country", isoCode: "CC", parentId: null },
        { id: "A", name: "Region A", isoCode: "CC-A", parentId: "C" },
        { id: "B", name: "Region B", isoCode: "CC-B", parentId: "C" },
      ],
      times: [{ id: "p", kind: "period", label: "Q1", startDate: d("2021-01-01"), endDate: d("2021-03-31") }],
      rootLocationId: null,
      statuses: ["APPROVED"],
    },
  );
  expect(regionRows(summary).map((r) => r.id)).toEqual(["A", "B"]);
  expect(groupRows(summary).map((r) => r.id)).toEqual(["C"]);
  expect(targetVsAchievedData(summary)).toEqual([
    { region: "Region A", target: 10, achieved: 7 },
    { region: "Region B", target: null, achieved: null },
  ]);
});
