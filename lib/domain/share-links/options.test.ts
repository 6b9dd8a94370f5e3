import { expect, test } from "vitest";
import type { ProjectSummary } from "@/lib/domain/summary/types";
import { parseShareOptions, restrictForShare, shareOptionsSchema } from "./options";

const figure = {
  target: 10,
  actual: 5,
  baseline: 0,
  numerator: null,
  denominator: null,
  sampleSize: null,
  achievement: 0.5,
  expectedToDate: 10,
  status: "offTrack" as const,
  confidenceInterval: { low: 1, high: 9 },
  explanation: {
    aggregation: "sum" as const,
    time: "sumOfPeriods" as const,
    resultCount: 1,
    locationIds: ["A"],
    timeIds: ["q1"],
    numerator: null,
    denominator: null,
    sampleSize: null,
    statuses: ["APPROVED"],
    asOf: "2021-06-30",
    target: "explicit" as const,
    expected: "proratedLifeOfProject" as const,
    roundId: null,
    comparedTimeIds: ["q1"],
  },
};

const summary = {
  project: { id: "p", code: "P", name: "Project", startDate: new Date(), endDate: new Date() },
  version: 1,
  asOf: new Date(),
  locationId: null,
  timeId: null,
  includesSubmitted: false,
  locations: [{ id: "A", name: "Region A", isoCode: null, parentId: null }],
  times: [],
  indicators: [
    {
      resultNodeId: "n",
      depth: "full",
      indicator: {
        id: "i",
        code: "I",
        title: "T",
        unit: "",
        measure: "COUNT",
        direction: "INCREASE",
        timeRule: "NON_CUMULATIVE",
        source: "MONITORING",
        composite: false,
      },
      overall: figure,
      byLocation: [{ ...figure, id: "A", name: "Region A", isoCode: null, parentId: null, unassigned: null }],
      byTime: [],
      byDimension: [
        { dimensionId: "d", key: "sex", name: "Sex", options: [], notReported: null, notReportedByLocation: [] },
      ],
      narratives: [],
      targetText: null,
      warnings: [{ code: "regionalTargetsDoNotAddUp", overall: 10, sumOfLocations: 9 }],
    },
  ],
} satisfies ProjectSummary;

test("a link without regions, disaggregations or intervals shows none of them, not even in explanations", () => {
  const restricted = restrictForShare(
    summary,
    parseShareOptions({ showRegions: false, showDisaggregations: false, showConfidenceIntervals: false }),
  );
  const [indicator] = restricted.indicators;
  expect(restricted.locations).toEqual([]);
  expect(indicator?.byLocation).toEqual([]);
  expect(indicator?.byDimension).toEqual([]);
  expect(indicator?.overall.confidenceInterval).toBeNull();
  expect(indicator?.overall.explanation.locationIds).toEqual([]);
  expect(indicator?.overall.actual).toBe(5);
});

test("warnings, which name places and target sums, never reach a link", () => {
  expect(summary.indicators[0]?.warnings).toHaveLength(1);
  expect(restrictForShare(summary, parseShareOptions({})).indicators[0]?.warnings).toEqual([]);
});

test("by default a link shows regions, disaggregations and intervals but not comments, and no site embeds it", () => {
  expect(parseShareOptions(undefined)).toEqual({
    showRegions: true,
    showDisaggregations: true,
    showConfidenceIntervals: true,
    showComments: false,
    embedOrigins: [],
  });
  expect(restrictForShare(summary, parseShareOptions({})).indicators[0]?.byLocation).toHaveLength(1);
});

test("a summary with unapproved values is never shared", () => {
  expect(() => restrictForShare({ ...summary, includesSubmitted: true }, parseShareOptions({}))).toThrow();
});

test("sites that may embed a donor page are https origins, kept without their path", () => {
  const parsed = shareOptionsSchema.safeParse({
    embedOrigins: ["https://donor.example.org", " https://a.example.net:8443/ "],
  });
  expect(parsed.success && parsed.data.embedOrigins).toEqual([
    "https://donor.example.org",
    "https://a.example.net:8443",
  ]);
  for (const bad of [
    "http://donor.example.org",
    "donor.example.org",
    "https://donor.example.org/reports",
    "javascript:alert(1)",
    "*",
  ]) {
    const refused = shareOptionsSchema.safeParse({ embedOrigins: [bad] });
    expect(refused.success, bad).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("invalidEmbedOrigin");
  }
  expect(shareOptionsSchema.parse({ embedOrigins: ["http://localhost:8080"] }).embedOrigins).toEqual([
    "http://localhost:8080",
  ]);
  expect(shareOptionsSchema.parse({}).embedOrigins).toEqual([]);
  expect(shareOptionsSchema.safeParse({ embedOrigins: Array(11).fill("https://a.example.org") }).success).toBe(false);
});
