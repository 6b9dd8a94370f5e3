// What project setup accepts, as zod schemas shared by the forms (in the browser) and the server, and
// the rules of a target's figure. No I/O here.

import { z } from "zod";
import type { Measure } from "@/lib/domain/engine/types";
import { addsUp, isRatio, measures } from "@/lib/domain/measures";
import { measureChecks } from "@/lib/domain/measures/checks";
import { newPasswordSchema } from "@/lib/domain/users/password-policy";
import { calendarDay } from "@/lib/domain/validation/dates";
import { readTypedNumber } from "@/lib/domain/validation/numbers";
import { LONG_TEXT_MAX } from "@/lib/domain/validation/text";

// Schemas here are idempotent (their output parses again to itself): the API validates a body, and the
// service it calls validates again, as the one authority.
const isoDay = z.union([z.date(), calendarDay]);
/** A threshold as a share (0.8): a blank field is missing, never zero (z.coerce read "" as 0). */
const share = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
  z
    .number({ error: (issue) => (issue.input === undefined ? "required" : "notANumber") })
    .min(0, "negative")
    .max(2, "tooLarge"),
);
const textList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[;\n]/)).map((s) => s.trim()).filter(Boolean));

/** Project details as the settings form and the API send them; the same rules on both sides. */
export const projectDetailsSchema = z
  .object({
    version: z.coerce.number().int().positive(),
    name: z.string().trim().min(1, "required").max(200, "tooLong"),
    summary: z.string().max(LONG_TEXT_MAX, "tooLong").default(""),
    donor: z.string().trim().max(200, "tooLong").default(""),
    partners: textList.default([]),
    startDate: isoDay,
    endDate: isoDay,
    reportingFrequency: z.enum(["MONTHLY", "QUARTERLY", "SEMIANNUAL", "ANNUAL"]),
    onTrackThreshold: share,
    atRiskThreshold: share,
    languages: textList.pipe(z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "language")).min(1, "required")),
    sourceNote: z.string().max(LONG_TEXT_MAX, "tooLong").default(""),
    /** Ids of the places the project works in. */
    locationIds: z.array(z.string().min(1)).min(1, "required"),
    /** Keys of the organisation's themes (StudyTheme) the project works on; left out: unchanged. */
    themes: z.array(z.string().min(1).max(60)).optional(),
  })
  .refine((p) => p.endDate >= p.startDate, { path: ["endDate"], message: "endBeforeStart" })
  .refine((p) => p.atRiskThreshold <= p.onTrackThreshold, { path: ["atRiskThreshold"], message: "aboveOnTrack" });

export type ProjectDetailsInput = z.input<typeof projectDetailsSchema>;

/** An ISO 3166-2 subdivision code: the country's two letters, a hyphen, one to three letters or digits. */
export const ISO_3166_2 = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

export const newSiteSchema = z.object({
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  parentId: z.string().min(1, "required"),
  /** A region's ISO 3166-2 code (PE-TUM, RS-00), where it has one; blank means none. */
  isoCode: z
    .string()
    .trim()
    .toUpperCase()
    .transform((s) => s || undefined)
    .pipe(z.string().regex(ISO_3166_2, "iso3166_2").optional())
    .optional(),
});

export const resultNodeSchema = z.object({
  level: z.enum(["IMPACT", "OUTCOME", "OUTPUT"]),
  code: z.string().trim().min(1, "required").max(40, "tooLong"),
  title: z.string().trim().min(1, "required").max(500, "tooLong"),
  description: z.string().max(LONG_TEXT_MAX, "tooLong").default(""),
  parentId: z
    .string()
    .nullish()
    .transform((v) => v || null),
});

const optionalNumber = z
  .union([z.number(), z.string()])
  .optional()
  .nullable()
  .transform((v, ctx) => {
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return null;
    // The same schema runs in the browser and on the server: what only a locale could settle is refused.
    const n = typeof v === "number" ? v : readTypedNumber(v, "unknown");
    if (typeof n !== "number" || !Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: n === "ambiguous" ? "ambiguous" : "notANumber" });
      return z.NEVER;
    }
    return n;
  });

export const indicatorSchema = z
  .object({
    version: z.coerce.number().int().positive().optional(),
    resultNodeId: z.string().min(1, "required"),
    code: z.string().trim().min(1, "required").max(40, "tooLong"),
    title: z.string().trim().min(1, "required").max(500, "tooLong"),
    definition: z.string().max(LONG_TEXT_MAX, "tooLong").default(""),
    unit: z.string().trim().max(40, "tooLong").default(""),
    measure: z.enum(measures),
    direction: z.enum(["INCREASE", "DECREASE"]).default("INCREASE"),
    timeRule: z.enum(["NON_CUMULATIVE", "CUMULATIVE"]).default("NON_CUMULATIVE"),
    source: z.enum(["MONITORING", "SURVEY"]).default("MONITORING"),
    baselineValue: optionalNumber,
    baselineNumerator: optionalNumber.refine((v) => v === null || v >= 0, "negative"),
    baselineDenominator: optionalNumber.refine((v) => v === null || v > 0, "notPositive"),
    baselineDate: z
      .union([z.literal(""), isoDay])
      .nullish()
      .transform((v) => v || null),
    meansOfVerification: z.string().max(LONG_TEXT_MAX, "tooLong").default(""),
    /** Bounds of a count's or mean's entered values, and whether they must be whole ("" or null: by unit). */
    minValue: optionalNumber,
    maxValue: optionalNumber,
    wholeNumbers: z
      .union([z.boolean(), z.enum(["", "yes", "no"])])
      .nullish()
      .transform((v) => (v === "yes" ? true : v === "no" ? false : typeof v === "boolean" ? v : null)),
    dimensionKeys: z.array(z.string().min(1)).default([]),
  })
  .superRefine((i, ctx) => {
    const n = i.baselineNumerator;
    const d = i.baselineDenominator;
    if (isRatio(i.measure) && (n === null) !== (d === null))
      ctx.addIssue({
        code: "custom",
        path: [n === null ? "baselineNumerator" : "baselineDenominator"],
        message: "required",
      });
    if (n !== null && d !== null && n > d)
      ctx.addIssue({ code: "custom", path: ["baselineNumerator"], message: "greaterThanDenominator" });
    if (i.minValue !== null && i.maxValue !== null && i.minValue > i.maxValue)
      ctx.addIssue({ code: "custom", path: ["maxValue"], message: "belowMin" });
    if (addsUp(i.measure) && i.baselineValue !== null && (!Number.isInteger(i.baselineValue) || i.baselineValue < 0))
      ctx.addIssue({ code: "custom", path: ["baselineValue"], message: "wholeNumber" });
  });

export type IndicatorInput = z.input<typeof indicatorSchema>;

/** A custom disaggregation as the form sends it: options one per line or separated by ";". */
export const customDimensionSchema = z.object({
  name: z.string().trim().min(1, "required").max(80, "tooLong"),
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "key"),
  options: z
    .union([z.string(), z.array(z.object({ key: z.string(), name: z.string() }))])
    .transform((v) =>
      typeof v === "string"
        ? v
            .split(/[;\n]/)
            .map((name) => name.trim())
            .filter(Boolean)
            .map((name) => ({ key: slugKey(name), name }))
        : v,
    )
    .pipe(z.array(z.object({ key: z.string().min(1), name: z.string().min(1) })).min(2, "twoOptions")),
});

/** A stable key from a name: "Internally displaced" → "internally-displaced". */
export function slugKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

// ---------- targets ----------

const figure = z.number().finite().nullish();

export const targetCellSchema = z.object({
  indicatorId: z.string().min(1),
  periodId: z.string().min(1).nullish(),
  roundId: z.string().min(1).nullish(),
  locationId: z.string().min(1).nullish(),
  optionId: z.string().min(1).nullish(),
  value: figure,
  numerator: figure,
  denominator: figure,
  note: z.string().max(4000).nullish(),
  /** When the cell was read (ISO time); null or absent for a cell that had no target. */
  updatedAt: z.string().nullish(),
});

export type TargetCell = z.infer<typeof targetCellSchema>;
export type TargetProblem = { index: number; field: keyof TargetCell; code: string };

export const isEmptyTarget = (c: TargetCell) =>
  c.value == null && c.numerator == null && c.denominator == null && !c.note?.trim();

/** A target's figure against its indicator's measure: the same rules as results, with a lone percentage allowed. */
export function targetProblems(cell: TargetCell, measure: Measure): Omit<TargetProblem, "index">[] {
  if (isEmptyTarget(cell)) return [];
  const found: Omit<TargetProblem, "index">[] = [];
  measureChecks[measure].targetProblems(cell, (field, code) => found.push({ field, code }));
  return found;
}

// ---------- team ----------

export const roleSchema = z.enum(["MANAGER", "EVALUATOR", "VIEWER"]);
export type ProjectRoleName = z.infer<typeof roleSchema>;

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().email("email").max(200, "tooLong"),
  role: roleSchema,
});

export const acceptInvitationSchema = z.object({
  name: z.string().trim().min(1, "required").max(120, "tooLong"),
  password: newPasswordSchema,
});
