// The organisation's roll-up of a library indicator as files (#34): CSV, XLSX and PDF, each with the
// explanation (projects and values per figure) and the filters written in.
import { z } from "zod";
import { AsOf } from "@/lib/domain/as-of";
import { calendarDayText } from "@/lib/domain/validation/dates";
import { type RouteContract, xlsxMediaType } from "./types";

export const rollupExportParams = z.object({ libraryId: z.string().min(1).max(64) });

export const rollupExportQuery = z.object({
  by: z
    .enum(["country", "region", "donor", "theme", "total"])
    .default("country")
    .describe(
      "How the projects' figures are grouped (region: the organisation's regions of countries; theme: a project of several themes counts in each, so theme groups do not add up to the total)",
    ),
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .describe("Only this calendar year; all time when absent")
    .transform((v) => v ?? null),
  asOf: calendarDayText
    .optional()
    .describe("Figures as of the end of this day (YYYY-MM-DD, UTC); default today")
    .transform((v) => AsOf.parse(v)),
});

export const libraryRollupCsvContract: RouteContract = {
  method: "get",
  path: "/api/v1/library/indicators/{libraryId}/rollup.csv",
  operationId: "getLibraryRollupCsv",
  summary: "A library indicator's roll-up across the caller's projects as CSV",
  description:
    "One row per project's part of each group's figure: the filters (by, year, as_of), the group's target and achieved (with numerator and denominator for rates), the project's value and target, places and period figures counted, and notes (possible overlap, rate targets of equal weights). Approved figures of the projects the caller may open only.",
  tag: "Library",
  auth: "session",
  params: rollupExportParams,
  query: rollupExportQuery,
  response: z.string().describe("UTF-8 CSV"),
  responseMediaType: "text/csv",
  problems: ["unauthenticated", "validation", "notFound"],
};

export const libraryRollupXlsxContract: RouteContract = {
  ...libraryRollupCsvContract,
  path: "/api/v1/library/indicators/{libraryId}/rollup.xlsx",
  operationId: "getLibraryRollupXlsx",
  summary: "A library indicator's roll-up across the caller's projects as an XLSX sheet",
  response: z.string().describe("XLSX workbook: the CSV's rows, headed in the reader's language"),
  responseMediaType: xlsxMediaType,
};

export const libraryRollupPdfContract: RouteContract = {
  ...libraryRollupCsvContract,
  path: "/api/v1/library/indicators/{libraryId}/rollup.pdf",
  operationId: "getLibraryRollupPdf",
  summary: "A library indicator's roll-up across the caller's projects as a PDF",
  description:
    "The filters, then each group's target and achieved and the projects and values it is made of, in the reader's language.",
  response: z.string().describe("PDF"),
  responseMediaType: "application/pdf",
};
