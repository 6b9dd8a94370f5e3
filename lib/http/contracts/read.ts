// The read API for integrations: projects, their structure, indicators with targets, and results.
import { z } from "zod";
import { measures } from "@/lib/domain/measures";
import { summaryParams } from "./summary";
import type { RouteContract } from "./types";

const day = z.string().describe("A date as YYYY-MM-DD");
const dateTime = z.string().describe("ISO 8601 date-time");
const number = z.number().nullable();
const nextCursor = z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page");

export const pageQuery = z.object({
  cursor: z.string().min(1).optional().describe("The `nextCursor` of the previous page"),
  limit: z.coerce.number().int().min(1).max(1000).default(200).describe("Items per page (1–1000, default 200)"),
});

export const resultsQuery = pageQuery.extend({
  indicator: z.string().min(1).optional().describe("Only this indicator's values (its id)"),
  location: z.string().min(1).optional().describe("Only values recorded at this place (its id)"),
  period: z.string().min(1).optional().describe("Only this reporting period or survey round (its id)"),
  status: z
    .enum(["DRAFT", "SUBMITTED", "PARTNER_APPROVED", "APPROVED", "RETURNED"])
    .optional()
    .describe("Only values in this review state; viewers see approved values only"),
  updatedSince: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("Only values changed at or after this instant (ISO 8601), to fetch what changed since the last sync")
    .transform((v) => (v ? new Date(v) : undefined)),
});

const projectItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  donor: z.string(),
  startDate: day,
  endDate: day,
  reportingFrequency: z.enum(["MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL"]),
  archived: z.boolean(),
});

const problems: RouteContract["problems"] = ["unauthenticated", "forbidden", "notFound", "validation"];
const conditional =
  "Answers carry an ETag; send it as If-None-Match to get 304 Not Modified while nothing has changed.";

export const listProjectsContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects",
  operationId: "listProjects",
  summary: "The projects the caller may read, by id, a page at a time",
  description: conditional,
  tag: "Read",
  auth: "session",
  query: pageQuery,
  response: z.object({ projects: z.array(projectItem), nextCursor }),
  problems: ["unauthenticated", "validation"],
};

export const getProjectContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}",
  operationId: "getProject",
  summary: "A project with its logframe, places, reporting periods, survey rounds and disaggregations",
  description: conditional,
  tag: "Read",
  auth: "session",
  params: summaryParams,
  response: z.object({
    project: projectItem.extend({
      onTrackThreshold: z.number(),
      atRiskThreshold: z.number(),
      languages: z.array(z.string()),
      sourceNote: z.string(),
      version: z.number().int().describe("Name it when changing the project's details (PATCH)"),
    }),
    resultNodes: z.array(
      z.object({
        id: z.string(),
        parentId: z.string().nullable(),
        level: z.enum(["IMPACT", "OUTCOME", "OUTPUT"]),
        code: z.string(),
        title: z.string(),
      }),
    ),
    locations: z.array(
      z.object({
        id: z.string(),
        parentId: z.string().nullable(),
        level: z.enum(["COUNTRY", "ADMIN1", "ADMIN2", "SITE"]),
        name: z.string(),
        isoCode: z.string().nullable(),
      }),
    ),
    periods: z.array(
      z.object({ id: z.string(), label: z.string(), startDate: day, endDate: day, locked: z.boolean() }),
    ),
    rounds: z.array(
      z.object({
        id: z.string(),
        type: z.enum(["BASELINE", "MIDLINE", "ENDLINE", "OTHER"]),
        name: z.string(),
        startDate: day,
        endDate: day,
        plannedSampleSize: z.number().int().nullable(),
        achievedSampleSize: z.number().int().nullable(),
      }),
    ),
    dimensions: z.array(
      z.object({
        id: z.string(),
        key: z.string(),
        name: z.string(),
        options: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
      }),
    ),
  }),
  problems,
};

export const listIndicatorsContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/indicators",
  operationId: "listIndicators",
  summary: "The project's active indicators with their baselines, targets and disaggregations",
  description: conditional,
  tag: "Read",
  auth: "session",
  params: summaryParams,
  response: z.object({
    indicators: z.array(
      z.object({
        id: z.string(),
        resultNodeId: z.string(),
        code: z.string(),
        title: z.string(),
        definition: z.string(),
        unit: z.string(),
        measure: z.enum(measures),
        direction: z.enum(["INCREASE", "DECREASE"]),
        timeRule: z.enum(["NON_CUMULATIVE", "CUMULATIVE"]),
        source: z.enum(["MONITORING", "SURVEY"]),
        baseline: z.object({
          value: number,
          numerator: number,
          denominator: number,
          date: day.nullable(),
          note: z.string(),
        }),
        dimensionIds: z.array(z.string()),
        composedFrom: z.object({ indicatorId: z.string(), optionId: z.string() }).nullable(),
        version: z.number().int(),
        targets: z.array(
          z.object({
            id: z.string(),
            periodId: z.string().nullable(),
            roundId: z.string().nullable(),
            locationId: z.string().nullable(),
            optionId: z.string().nullable(),
            value: number,
            numerator: number,
            denominator: number,
            note: z.string(),
          }),
        ),
      }),
    ),
  }),
  problems,
};

export const listResultsContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/results",
  operationId: "listResults",
  summary: "The project's values, filtered, by id, a page at a time",
  description: `Viewers see approved values only, as on the pages. ${conditional}`,
  tag: "Read",
  auth: "session",
  params: summaryParams,
  query: resultsQuery,
  response: z.object({
    results: z.array(
      z.object({
        id: z.string(),
        indicatorId: z.string(),
        periodId: z.string().nullable(),
        roundId: z.string().nullable(),
        locationId: z.string(),
        optionId: z.string().nullable().describe("Null: the total"),
        value: number,
        numerator: number,
        denominator: number,
        sampleSize: z
          .number()
          .nullable()
          .describe("Sample size; with survey weights Kish's effective n, (Σw)² / Σw², unrounded"),
        weightSum: z
          .number()
          .nullable()
          .describe("With survey weights, their sum (a share's denominator; what a mean is pooled by); else null"),
        textValue: z.string().nullable(),
        note: z.string(),
        status: z.enum(["DRAFT", "SUBMITTED", "PARTNER_APPROVED", "APPROVED", "RETURNED"]),
        version: z.number().int().describe("Name it when changing the value"),
        updatedAt: dateTime,
      }),
    ),
    nextCursor,
  }),
  problems,
};
