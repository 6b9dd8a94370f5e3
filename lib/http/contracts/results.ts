import { z } from "zod";
import { importMappingSchema } from "@/lib/domain/results/import-mapping";
import { resultInputSchema } from "@/lib/domain/validation/results";
import { summaryParams } from "./summary";
import { type RouteContract, xlsxMediaType } from "./types";

export const saveResultsBody = z.object({
  items: z.array(resultInputSchema).min(1).max(5000),
  /** false: save as drafts; true: submit for review. */
  submit: z.boolean().default(false),
});

export const reviewBody = z.object({
  decisions: z
    .array(
      z.object({
        resultId: z.string().min(1),
        version: z.number().int().positive(),
        decision: z.enum(["approve", "return"]),
        comment: z.string().max(4000).optional(),
      }),
    )
    .min(1)
    .max(5000),
});

const savedResult = z.object({ id: z.string(), version: z.number().int(), status: z.string() });

export const saveResultsContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/{projectId}/results",
  operationId: "saveResults",
  summary: "Save results as drafts or submit them for review, all or nothing",
  description:
    "Evaluators and managers of the project. An invalid batch changes nothing and lists every problem as items.<index>.<field>. Changing an existing result needs the version that was read; if someone changed it since, the answer is 409 with the current value.",
  tag: "Results",
  auth: "session",
  params: summaryParams,
  body: saveResultsBody,
  response: z.object({
    results: z.array(savedResult),
    warnings: z
      .array(
        z.object({
          index: z.number().int(),
          code: z.literal("outlier"),
          direction: z.enum(["higher", "lower"]),
          previous: z.number().describe("The same place's figure in the period or round before"),
        }),
      )
      .describe("Saved values over three times or under a third of the same place's figure the period before"),
  }),
  problems: ["unauthenticated", "forbidden", "validation", "conflict", "notFound"],
};

export const reviewResultsContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/{projectId}/results/review",
  operationId: "reviewResults",
  summary: "Approve or return submitted results, all or nothing",
  description: "Managers of the project. A return needs a comment. Each decision names the version it was made on.",
  tag: "Results",
  auth: "session",
  params: summaryParams,
  body: reviewBody,
  response: z.object({ reviewed: z.array(z.string()) }),
  problems: ["unauthenticated", "forbidden", "validation", "conflict", "notFound"],
};

export const importResultsBody = z.object({
  format: z.enum(["csv", "xlsx"]),
  content: z.string().min(1).describe("CSV: the text. XLSX: the file in base64"),
  mapping: importMappingSchema.describe("Which column holds what, by header"),
  dryRun: z.boolean().default(false).describe("Only check and preview; nothing is saved"),
  submit: z.boolean().default(false).describe("Submit the values for review instead of saving drafts"),
});

export const importResultsPreview = z.object({
  rows: z.number().int(),
  skipped: z.number().int().describe("Rows left out: KoboToolbox submissions not approved"),
  blank: z.number().int().describe("Rows left out because they hold no figure (no value, as a blank cell)"),
  values: z.number().int(),
  replaced: z.number().int().describe("Drafts the import replaces"),
  problems: z.array(
    z.object({ row: z.number().int(), column: z.string(), code: z.string(), detail: z.string().optional() }),
  ),
  problemCount: z.number().int(),
  imported: z.boolean(),
});

export const importResultsContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/{projectId}/results/import",
  operationId: "importResults",
  summary: "Import results from a CSV or XLSX table (a KoboToolbox export included), all or nothing",
  description:
    "Evaluators and managers of the project. Rows for the same indicator, place, period or round and option are added up. Every problem is listed by row and column; a table with problems changes nothing. Submitted or approved values are never overwritten.",
  tag: "Results",
  auth: "session",
  params: summaryParams,
  body: importResultsBody,
  response: importResultsPreview,
  problems: ["unauthenticated", "forbidden", "validation", "conflict"],
};

export const resultParams = z.object({ projectId: z.string().min(1), resultId: z.string().min(1) });

export const resultHistoryContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/results/{resultId}/history",
  operationId: "getResultHistory",
  summary: "Every change to one result: who, when, the value before and after, the comment",
  tag: "Results",
  auth: "session",
  params: resultParams,
  response: z.object({
    events: z.array(
      z.object({
        at: z.string(),
        actor: z.string().nullable(),
        action: z.string(),
        before: z.unknown(),
        after: z.unknown(),
        comment: z.string().nullable(),
      }),
    ),
  }),
  problems: ["unauthenticated", "notFound"],
};

const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

/** The mapping and options of a streamed upload, as query parameters. */
export const uploadResultsQuery = z.object({
  indicator: z.string({ error: "required" }).min(1, "required").describe("Column of the indicator codes"),
  location: z.string({ error: "required" }).min(1, "required").describe("Column of the places (ISO code or name)"),
  period: z.string({ error: "required" }).min(1, "required").describe("Column of the periods or survey rounds"),
  option: z.string().optional().describe("Column of the disaggregation options"),
  value: z.string().optional(),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  sampleSize: z.string().optional(),
  text: z.string().optional(),
  note: z.string().optional(),
  validationStatus: z.string().optional().describe("KoboToolbox's _validation_status column"),
  includeUnapproved: flag.describe("Also take KoboToolbox submissions that are not approved"),
  numbers: z
    .enum(["en", "es"])
    .optional()
    .describe('How the file writes numbers: "en" (1,200.5) or "es" (1.200,5); unset, "1,200" is refused as ambiguous'),
  dryRun: flag.describe("Only check and preview; nothing is saved"),
  submit: flag.describe("Submit the values for review instead of saving drafts"),
  progress: z
    .string()
    .regex(/^[0-9a-f-]{36}$/i, "uuid")
    .optional()
    .describe("A UUID the caller chose: the import's progress is then readable at …/results/upload/{progressId}"),
  background: flag.describe(
    "Import as a background job where the server has a job queue (PostgreSQL): the answer is then 202 with the progress id, and the import's answer is read at …/results/upload/{progressId} once it ran. Without a queue (the embedded database) the import runs in the request as usual.",
  ),
});

export const uploadResultsContract: RouteContract = {
  ...importResultsContract,
  path: "/api/v1/projects/{projectId}/results/upload",
  operationId: "uploadResults",
  summary: "Import results from a CSV or XLSX file sent as the request body, read as it streams in",
  description:
    "The same import as POST …/results/import, for large files: the body is the file itself (Content-Type text/csv or the XLSX type) and the column mapping is in the query. The file is never held in memory whole, except by a background import (`background=true`), which keeps it in the database until its job ran.",
  query: uploadResultsQuery,
  response: z.union([
    importResultsPreview,
    z
      .object({ queued: z.literal(true), progressId: z.string() })
      .describe("202: queued as a background job; follow …/results/upload/{progressId}"),
  ]),
  body: z.string().describe("The CSV text or the XLSX file"),
  bodyMediaTypes: ["text/csv", xlsxMediaType],
};

export const importProgressParams = z.object({ projectId: z.string().min(1), progressId: z.string().min(1) });

export const importProgressContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/results/upload/{progressId}",
  operationId: "getImportProgress",
  summary: "How far a streamed results import has come (the id its caller chose)",
  description:
    "Written at most twice a second while the import runs: bytes read of the file's size, rows read, and the phase (queued, reading, checking, writing, done, failed). The report itself is the upload's answer; for a background import, `outcome` holds that answer (its HTTP status and body) once the job ran. A background import whose server stopped mid-way (its worker's heartbeat silent for 8 beats, 40 s by default) reads as failed, with a 500 answer whose `errors` are `[{ field: 'job', message: 'interrupted' }]`: nothing was saved, and the file is to be sent again.",
  tag: "Results",
  auth: "session",
  params: importProgressParams,
  response: z.object({
    phase: z.enum(["queued", "reading", "checking", "writing", "done", "failed"]),
    bytesRead: z.number().int(),
    bytesTotal: z.number().int().nullable(),
    rows: z.number().int(),
    outcome: z.object({ status: z.number().int(), body: z.unknown() }).nullable(),
    updatedAt: z.string(),
  }),
  problems: ["unauthenticated", "forbidden", "notFound"],
};
