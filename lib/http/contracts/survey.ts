// Survey imports for integrations: a KoboToolbox or ODK export with the project's saved survey rules (or
// rules in the body), previewed or saved like the page's survey import, all or nothing.
import { z } from "zod";
import { surveyRulesSchema } from "@/lib/domain/survey/rules";
import { summaryParams } from "./summary";
import type { RouteContract } from "./types";

export const importSurveyBody = z.object({
  format: z.enum(["csv", "xlsx"]),
  content: z.string().min(1).describe("CSV: the text. XLSX: the file in base64 (its repeat-group sheets included)"),
  fileName: z.string().trim().min(1).max(200).default("survey").describe("Named in the audit trail"),
  rules: surveyRulesSchema
    .optional()
    .describe("How each indicator is computed from the file; default: the rules the project saved last"),
  dryRun: z.boolean().default(false).describe("Only compute and preview; nothing is saved"),
  submit: z.boolean().default(false).describe("Submit the values for review instead of saving drafts"),
});

const number = z.number().nullable();
const problem = z.object({
  indicator: z.string(),
  table: z.string(),
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  detail: z.string().optional(),
});

export const importSurveyPreview = z.object({
  submissions: z.number().int(),
  statuses: z.record(z.string(), z.number().int()).nullable().describe("Submissions by validation status"),
  counted: z.number().int().describe("Submissions whose validation status counts"),
  values: z.array(
    z.object({
      indicator: z.string(),
      place: z.string(),
      option: z.string().nullable(),
      when: z.string(),
      value: number,
      numerator: number,
      denominator: number,
      sampleSize: number.describe("Rows, or with survey weights Kish's effective n"),
      rows: z.number().int(),
    }),
  ),
  leftOut: z.array(
    z.object({
      indicator: z.string(),
      table: z.string(),
      row: z.number().int(),
      item: z.number().int().optional(),
      reason: z.string(),
      detail: z.string().optional(),
    }),
  ),
  leftOutCount: z.number().int(),
  leftOutByReason: z.record(z.string(), z.number().int()),
  problems: z.array(problem),
  problemCount: z.number().int(),
  warnings: z.array(
    z.object({ row: z.number().int(), column: z.string(), code: z.string(), detail: z.string().optional() }),
  ),
  replaced: z.number().int().describe("Drafts the import replaces"),
  imported: z.boolean(),
});

export const importSurveyContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/{projectId}/survey-imports",
  operationId: "importSurvey",
  summary: "Import a survey export (KoboToolbox or ODK) by the project's survey rules, all or nothing",
  description:
    "Evaluators and managers of the project. The export's repeat groups are joined to their submissions; each indicator's values per place, round or period and option are computed by the rules (counts, shares, means, sums; survey weights with Kish's effective n) and saved as drafts or submitted for review. Every problem is listed; a file with problems changes nothing. Submitted or approved values are never overwritten. Rules given in the body are kept for the project's next file.",
  tag: "Results",
  auth: "session",
  params: summaryParams,
  body: importSurveyBody,
  response: importSurveyPreview,
  problems: ["unauthenticated", "forbidden", "validation", "conflict"],
};
