import { z } from "zod";
import { summaryQuery, summaryResponse } from "./summary";
import type { RouteContract } from "./types";

export const sharedParams = z.object({ token: z.string().min(1).describe("The token of a donor's share link") });
export const sharedQuery = summaryQuery.pick({ asOf: true, view: true, indicator: true });
export const sharedReportQuery = summaryQuery.pick({ asOf: true });

const sharedDescription =
  "Read-only: approved figures of the link's one project, restricted to what the link shows (regions, disaggregations, confidence intervals). Rate-limited. An expired or revoked link answers 410.";

export const sharedSummaryContract: RouteContract = {
  method: "get",
  path: "/api/v1/shared/{token}/summary",
  operationId: "getSharedSummary",
  summary: "The project summary behind a donor's share link",
  description: sharedDescription,
  tag: "Sharing",
  auth: "shareToken",
  params: sharedParams,
  query: sharedQuery,
  response: summaryResponse,
  problems: ["validation", "notFound", "gone", "rateLimited"],
};

export const sharedSummaryCsvContract: RouteContract = {
  ...sharedSummaryContract,
  path: "/api/v1/shared/{token}/summary.csv",
  operationId: "getSharedSummaryCsv",
  summary: "The numbers a donor's share link shows, as CSV",
  response: z.string().describe("UTF-8 CSV, one row per figure"),
  responseMediaType: "text/csv",
};

export const sharedReportPdfContract: RouteContract = {
  ...sharedSummaryContract,
  path: "/api/v1/shared/{token}/report.pdf",
  operationId: "getSharedReportPdf",
  summary: "The donor report behind a share link as a PDF, with the same figures as its page",
  query: sharedReportQuery,
  response: z.string().describe("PDF"),
  responseMediaType: "application/pdf",
};
