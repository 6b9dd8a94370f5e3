import { expect, test } from "vitest";
import type { OptionPartial } from "@/lib/domain/engine/composition";
import { type IndicatorDefinition, type SummaryTarget, summarizeIndicator } from "@/lib/domain/engine/summarize";
import type { SummaryJson } from "@/lib/domain/summary/types";
import { resultPartial } from "@/lib/testing/partials";
import { bulletData, disaggregationData, groupRows, progressData, regionRows } from "./shape";
import { statusCounts, statusMatrix } from "./status-shape";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const times = [
  { id: "q1", kind: "period" as const, label: "Q1", startDate: d("2021-01-01"), endDate: d("2021-03-31") },
  { id: "q2", kind: "period" as const, label: "Q2", startDate: d("2021-04-01"), endDate: d("2021-06-30") },
];
const locations = [
  { id: "C", name: "Country", isoCode: "CC", parentId: null },
  { id: "A", name: "Region A", isoCode: "CC-A", parentId: "C" },
  { id: "B", name: "Region B", isoCode: "CC-B", parentId: "C" },
];
const sex = {
  id: "sex",
  key: "sex",
  name: "Sex",
  options: [
    { id: "f", key: "female", name: "Female" },
    { id: "m", key: "male", name: "Male" },
  ],
};

function cell(locationId: string, timeId: string, value: number, optionId: string | null = null): OptionPartial {
  return resultPartial(locationId, timeId, d("2021-03-31"), { value, optionId });
}

function summary(extra: OptionPartial[] = []): SummaryJson {
  const definition: IndicatorDefinition = {
    id: "i",
    code: "I.1",
    title: "People",
    unit: "people",
    measure: "COUNT",
    direction: "INCREASE",
    timeRule: "NON_CUMULATIVE",
    source: "MONITORING",
    baseline: { value: 0, numerator: null, denominator: null },
    dimensions: [sex],
    composedFrom: null,
  };
  const partials = [
    cell("A", "q1", 90),
    cell("A", "q1", 50, "f"),
    cell("A", "q1", 30, "m"),
    cell("B", "q1", 150),
    cell("A", "q2", 30),
  ];
  const targets: SummaryTarget[] = [
    { periodId: null, roundId: null, locationId: "A", optionId: null, value: 100, numerator: null, denominator: null },
    { periodId: null, roundId: null, locationId: "B", optionId: null, value: 100, numerator: null, denominator: null },
  ];
  const ctx = {
    project: { start: d("2021-01-01"), end: d("2021-06-30"), thresholds: { onTrack: 0.9, atRisk: 0.75 } },
    asOf: d("2021-07-01"),
    locations,
    times,
    rootLocationId: null,
    statuses: ["APPROVED"],
  };
  const indicator = { ...summarizeIndicator(definition, [...partials, ...extra], targets, ctx), resultNodeId: "n" };
  const full = {
    project: { id: "p", code: "P", name: "P", startDate: ctx.project.start, endDate: ctx.project.end },
    asOf: ctx.asOf,
    locationId: null,
    timeId: null,
    includesSubmitted: false,
    locations,
    times,
    indicators: [indicator],
  };
  return JSON.parse(JSON.stringify(full));
}

test("regions are charted; their country is a subtotal", () => {
  const [indicator] = summary().indicators;
  expect(regionRows(indicator!).map((r) => r.id)).toEqual(["A", "B"]);
  expect(groupRows(indicator!).map((r) => r.id)).toEqual(["C"]);
});

test("values recorded at the country itself get their own row beside the regions (rule 11)", () => {
  const [indicator] = summary([cell("C", "q1", 40), cell("C", "q1", 25, "f")]).indicators;
  const label = (r: { name: string; ownValuesOf: string | null }) =>
    r.ownValuesOf ? `${r.name}, not by region` : r.name;
  expect(bulletData(indicator!, label).rows.map((r) => [r.region, r.achieved])).toEqual([
    ["Region A", 120],
    ["Region B", 150],
    ["Country, not by region", 40],
  ]);
  expect(disaggregationData(indicator!, "sex", label).rows.at(-1)).toEqual({
    region: "Country, not by region",
    female: 25,
    male: null,
    not_reported: 15,
  });
  expect(indicator?.overall.actual).toBe(310);
  expect(statusMatrix({ ...summary(), indicators: [indicator!] }).rows.map((r) => r.id)).toEqual(["A", "B"]);
});

test("the achieved bar stops at the frame, its number does not", () => {
  const { frameMax, rows } = bulletData(summary().indicators[0]!);
  expect(frameMax).toBe(125);
  expect(rows.find((r) => r.region === "Region B")).toEqual({
    region: "Region B",
    target: 100,
    achieved: 150,
    drawn: 125,
    beyondFrame: true,
  });
  expect(rows.find((r) => r.region === "Region A")).toMatchObject({ achieved: 120, drawn: 120, beyondFrame: false });
});

test("progress over time carries the engine's to-date figures", () => {
  // Without period targets, expected-to-date is the life-of-project target prorated: the 90 days from
  // 1 January through 31 March, both included, of the project's 181 (rule 10).
  expect(progressData(summary().indicators[0]!)).toEqual([
    { label: "Q1", actual: 240, actualToDate: 240, expectedToDate: expect.closeTo((200 * 90) / 181, 9), target: null },
    { label: "Q2", actual: 30, actualToDate: 270, expectedToDate: 200, target: null },
  ]);
});

test("disaggregation rows per region with the part not reported", () => {
  const { options, rows } = disaggregationData(summary().indicators[0]!, "sex");
  expect(options.map((o) => o.key)).toEqual(["female", "male"]);
  expect(rows).toEqual([
    { region: "Region A", female: 50, male: 30, not_reported: 40 },
    { region: "Region B", female: null, male: null, not_reported: null },
  ]);
});

test("headline counts and the status matrix come from the engine's statuses", () => {
  const s = summary();
  expect(statusCounts(s).onTrack).toBe(1);
  expect(statusMatrix(s).rows.map((r) => [r.name, r.statuses])).toEqual([
    ["Region A", ["onTrack"]],
    ["Region B", ["onTrack"]],
  ]);
});
