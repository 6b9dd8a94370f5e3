import { expect, test } from "vitest";
import { summarizeIndicator } from "@/lib/domain/engine/summarize";
import type { ProjectSummary } from "@/lib/domain/summary/types";
import { resultPartial } from "@/lib/testing/partials";
import { trackingRows } from "./tracking-rows";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const times = [
  { id: "q1", kind: "period" as const, label: "Q1", startDate: d("2021-01-01"), endDate: d("2021-03-31") },
];
const locations = [{ id: "A", name: "Region A", isoCode: "XA", parentId: null }];

function summaryOf(rootTimeId: string | null): ProjectSummary {
  const indicator = summarizeIndicator(
    {
      id: "i",
      code: "I.1",
      title: "People reached",
      unit: "people",
      measure: "COUNT",
      direction: "INCREASE",
      timeRule: "NON_CUMULATIVE",
      source: "MONITORING",
      baseline: { value: 0, numerator: null, denominator: null },
      dimensions: [],
      composedFrom: null,
    },
    [resultPartial("A", "q1", d("2021-03-31"), { value: 40 })],
    [
      {
        periodId: null,
        roundId: null,
        locationId: "A",
        optionId: null,
        value: 100,
        numerator: null,
        denominator: null,
      },
    ],
    {
      project: { start: d("2021-01-01"), end: d("2021-12-31"), thresholds: { onTrack: 0.9, atRisk: 0.75 } },
      asOf: d("2022-01-01"),
      locations,
      times,
      rootLocationId: null,
      rootTimeId,
      statuses: ["APPROVED"],
    },
  );
  return {
    project: { id: "p", code: "P", name: "P", startDate: d("2021-01-01"), endDate: d("2021-12-31") },
    version: 1,
    asOf: d("2022-01-01"),
    locationId: null,
    timeId: rootTimeId,
    includesSubmitted: false,
    locations,
    times,
    indicators: [{ ...indicator, resultNodeId: "n" }],
  };
}

test("one block for the life of the project and one per period, each overall then per location", () => {
  const rows = [
    ...trackingRows([{ id: "n", code: "O1", title: "Output 1" }], summaryOf(null), new Map([["q1", summaryOf("q1")]]), {
      lifeOfProject: "Life of project",
      overall: "All locations",
      notByRegion: (place) => `${place}, not by region`,
      status: (s) => `<${s}>`,
    }),
  ];
  expect(rows.map((r) => [r.period_or_round, r.location, r.target, r.actual, r.status])).toEqual([
    ["Life of project", "All locations", 100, 40, "<offTrack>"],
    ["Life of project", "Region A", 100, 40, "<offTrack>"],
    ["Q1", "All locations", null, 40, "<noTarget>"],
    ["Q1", "Region A", null, 40, "<noTarget>"],
  ]);
  expect(rows[0]).toMatchObject({
    result_code: "O1",
    indicator_code: "I.1",
    period_start: "2021-01-01",
    period_end: "2021-12-31",
  });
});
