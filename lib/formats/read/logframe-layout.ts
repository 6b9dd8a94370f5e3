// The logframe workbook: how M&E officers keep a results framework in Excel, one sheet per kind of row.
// The app offers it as a download (blank, or filled with a project) and imports it; both sides use
// these columns, so they cannot drift. Column names are stable keys, explained on the "Read me" sheet.

export const projectFields = [
  "code",
  "name",
  "summary",
  "donor",
  "partners",
  "startDate",
  "endDate",
  "reportingFrequency",
  "languages",
  "locations",
  "onTrackThreshold",
  "atRiskThreshold",
] as const;

export const sheets = {
  Results: ["code", "level", "parent", "title", "description"],
  Indicators: [
    "result",
    "code",
    "title",
    "definition",
    "unit",
    "measure",
    "direction",
    "timeRule",
    "source",
    "baseline",
    "baselineNumerator",
    "baselineDenominator",
    "baselineDate",
    "dimensions",
    "composedFrom",
    "meansOfVerification",
  ],
  Targets: ["indicator", "when", "location", "option", "value", "numerator", "denominator", "note"],
  Periods: ["label", "startDate", "endDate"],
  Rounds: ["key", "type", "name", "startDate", "endDate", "mode", "plannedSampleSize", "achievedSampleSize"],
  Dimensions: ["key", "name", "options"],
} as const;

export type SheetName = keyof typeof sheets;
export const PROJECT_SHEET = "Project";
export const README_SHEET = "Read me";

/** Lists inside one cell ("PE-TUM; PE-PIU") and option lists ("female=Female; male=Male"). */
export const LIST_SEPARATOR = ";";
