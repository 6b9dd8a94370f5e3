import { z } from "zod";
import { summaryParams, summaryQuery } from "./summary";
import { type RouteContract, xlsxMediaType } from "./types";

export const exportQuery = z.object({
  draft: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .describe("Managers and evaluators: include submitted values not yet approved; the file is marked as a draft")
    .transform((v) => v === "true" || v === "1"),
  asOf: summaryQuery.shape.asOf,
});

export const iatiExportContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/iati.xml",
  operationId: "getProjectIatiXml",
  summary: "The project's results framework as an IATI 2.03 activity file",
  description:
    "Results with their type, indicators with measure and direction, baselines, periods with targets and actuals overall, per location and per disaggregation dimension. Valid against the IATI 2.03 schema.",
  tag: "Exports",
  auth: "session",
  params: summaryParams,
  query: exportQuery,
  response: z.string().describe("IATI 2.03 activity XML"),
  responseMediaType: "application/xml",
  problems: ["unauthenticated", "validation", "notFound"],
};

export const trackingCsvContract: RouteContract = {
  ...iatiExportContract,
  path: "/api/v1/projects/{projectId}/tracking.csv",
  operationId: "getTrackingTableCsv",
  summary: "The indicator performance tracking table as CSV",
  description:
    "Every indicator with baseline, target, actual, achievement and status, for the life of the project and each period or round, overall, per location and per disaggregation option. UTF-8, stable column names; status labels in the user's language.",
  response: z.string().describe("UTF-8 CSV"),
  responseMediaType: "text/csv",
};

export const trackingXlsxContract: RouteContract = {
  ...trackingCsvContract,
  path: "/api/v1/projects/{projectId}/tracking.xlsx",
  operationId: "getTrackingTableXlsx",
  summary: "The indicator performance tracking table as a formatted XLSX workbook",
  response: z.string().describe("XLSX workbook: a cover sheet, then one sheet per goal, outcome or output"),
  responseMediaType: xlsxMediaType,
};

export const projectReportPdfContract: RouteContract = {
  ...iatiExportContract,
  path: "/api/v1/projects/{projectId}/report.pdf",
  operationId: "getProjectReportPdf",
  summary: "The donor report as a PDF: key results, status counts and every indicator's figures",
  description: "Approved figures, in the reader's language, as the donor page shows them (`asOf` for another date).",
  response: z.string().describe("PDF"),
  responseMediaType: "application/pdf",
};
