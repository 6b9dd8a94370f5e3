import { z } from "zod";
import { AsOf } from "@/lib/domain/as-of";
import { measures } from "@/lib/domain/measures";
import { calendarDayText } from "@/lib/domain/validation/dates";
import type { RouteContract } from "./types";

const isoDate = calendarDayText.describe("A date as YYYY-MM-DD");

export const summaryParams = z.object({ projectId: z.string().min(1) });

export const summaryQuery = z.object({
  asOf: isoDate
    .optional()
    .describe(
      "Figures as of the end of this day (YYYY-MM-DD, UTC); default today. Days are whole and inclusive: a period, round or project has ended once this date is on or after its end date, and values count once their period or round has started",
    )
    // Read once here, today when absent: every figure, key and link of the request names this day.
    .transform((v) => AsOf.parse(v)),
  location: z.string().min(1).optional().describe("Only this location and below: its id or ISO 3166 code"),
  period: z.string().min(1).optional().describe("Only this reporting period or survey round (its id)"),
  view: z
    .enum(["full", "overview"])
    .optional()
    .describe(
      "overview: each indicator's overall figure and each place's (a dashboard's first screen); full (default): every figure",
    ),
  indicator: z.string().min(1).optional().describe("Only this indicator (its id): one card's detail"),
  includeSubmitted: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .describe("Managers and evaluators: also count submitted values (a preview); ignored for others")
    .transform((v) => v === "true" || v === "1"),
});

const number = z.number().nullable();
const status = z.enum(["onTrack", "atRisk", "offTrack", "noTarget", "noData", "notYetDue", "notAssessed"]);

const explanation = z.object({
  aggregation: z.enum(["sum", "ratioOfSums", "weightedMean", "none"]),
  time: z.enum(["sumOfPeriods", "latestPerLocation", "singleRound"]),
  resultCount: z.number().int(),
  locationIds: z.array(z.string()),
  timeIds: z.array(z.string()),
  numerator: number,
  denominator: number,
  sampleSize: number,
  statuses: z.array(z.string()),
  asOf: isoDate,
  target: z.enum(["explicit", "derivedFromPeriods", "combinedFromLocations", "none"]),
  expected: z.enum(["endedPeriodTargets", "proratedLifeOfProject", "lifeOfProjectTarget", "roundTarget", "none"]),
  roundId: z.string().nullable(),
  comparedTimeIds: z
    .array(z.string())
    .describe("The periods or rounds whose values the status compares with expected-to-date"),
});

const figure = z.object({
  target: number,
  actual: number.describe("Null means no data, never zero; percentages in percent"),
  baseline: number,
  numerator: number,
  denominator: number,
  sampleSize: number,
  achievement: number.describe("(actual - baseline) / (target - baseline); 1 = target reached; not capped"),
  expectedToDate: number,
  status,
  confidenceInterval: z.object({ low: z.number(), high: z.number() }).nullable(),
  explanation,
});

const location = z.object({
  id: z.string(),
  name: z.string(),
  isoCode: z.string().nullable(),
  parentId: z.string().nullable(),
});
const dateTime = z.string().describe("ISO 8601 date-time");

export const summaryResponse = z.object({
  project: z.object({ id: z.string(), code: z.string(), name: z.string(), startDate: dateTime, endDate: dateTime }),
  version: z
    .number()
    .int()
    .nullable()
    .describe("The project's data version these approved figures were computed at (null for a preview)"),
  asOf: dateTime,
  locationId: z.string().nullable(),
  timeId: z.string().nullable(),
  includesSubmitted: z.boolean(),
  locations: z.array(location),
  times: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["period", "round"]),
      label: z.string(),
      startDate: dateTime,
      endDate: dateTime,
      roundType: z.string().optional(),
    }),
  ),
  indicators: z.array(
    z.object({
      resultNodeId: z.string(),
      indicator: z.object({
        id: z.string(),
        code: z.string(),
        title: z.string(),
        unit: z.string(),
        measure: z.enum(measures),
        direction: z.enum(["INCREASE", "DECREASE"]),
        timeRule: z.enum(["NON_CUMULATIVE", "CUMULATIVE"]),
        source: z.enum(["MONITORING", "SURVEY"]),
        composite: z.boolean(),
      }),
      depth: z
        .enum(["overall", "places", "full"])
        .describe(
          "What was computed: places (view=overview) leaves byTime and byDimension empty and lists only target warnings; full: everything",
        ),
      overall: figure,
      byLocation: z.array(
        figure.extend(location.shape).extend({
          unassigned: figure
            .nullable()
            .describe("A place with sub-places: the values recorded at the place itself (also counted in its figure)"),
        }),
      ),
      byTime: z.array(
        figure.extend({
          timeId: z.string(),
          kind: z.enum(["period", "round"]),
          label: z.string(),
          endDate: dateTime,
          change: z
            .object({ difference: z.number(), marginOfError: z.number(), exceedsMarginOfError: z.boolean() })
            .nullable(),
          toDate: z.object({ actual: number, expectedToDate: number, target: number }),
        }),
      ),
      byDimension: z.array(
        z.object({
          dimensionId: z.string(),
          key: z.string(),
          name: z.string(),
          options: z.array(
            figure.extend({
              optionId: z.string(),
              key: z.string(),
              name: z.string(),
              byLocation: z.array(
                z.object({
                  locationId: z.string(),
                  unassigned: z.boolean().describe("Values recorded at a place with sub-places, not by sub-place"),
                  actual: number,
                  numerator: number,
                  denominator: number,
                }),
              ),
            }),
          ),
          notReported: number,
          notReportedByLocation: z.array(z.object({ locationId: z.string(), unassigned: z.boolean(), value: number })),
        }),
      ),
      narratives: z
        .array(
          z.object({
            locationId: z.string(),
            timeId: z.string(),
            optionId: z.string().nullable(),
            label: z.string(),
            endDate: dateTime,
            text: z.string(),
          }),
        )
        .describe("Qualitative values: the latest text per place and period or round, latest first"),
      targetText: z.string().nullable().describe("Qualitative indicators: the life-of-project target's text"),
      warnings: z.array(z.object({ code: z.string() }).loose()),
    }),
  ),
});

export const projectSummaryContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/summary",
  operationId: "getProjectSummary",
  summary: "Every indicator of a project, computed from approved results",
  description:
    "For each indicator: the overall figure and the figures per location, per period or survey round, and per disaggregation option, with target, actual, baseline, numerator, denominator, achievement, expected-to-date, status and an explanation of what each figure is made of. Approved figures carry an ETag (weak) naming the project's data version and the view: send it back in If-None-Match and the answer is 304 Not Modified while nothing they depend on changed.",
  tag: "Indicators",
  auth: "session",
  params: summaryParams,
  query: summaryQuery,
  response: summaryResponse,
  problems: ["unauthenticated", "validation", "notFound"],
};

export const projectSummaryCsvContract: RouteContract = {
  ...projectSummaryContract,
  path: "/api/v1/projects/{projectId}/summary.csv",
  operationId: "getProjectSummaryCsv",
  summary: "Every indicator's figures as CSV, one row per figure",
  response: z.string().describe("UTF-8 CSV with stable column names"),
  responseMediaType: "text/csv",
};
