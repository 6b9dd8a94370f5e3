// How a project turns a survey export into indicator values: saved once per project, reused for the
// next round. Pure: no I/O.
import { z } from "zod";
import type { Measure } from "@/lib/domain/engine/types";

export const ruleKinds = ["count", "countWhere", "share", "mean", "sum"] as const;
export type RuleKind = (typeof ruleKinds)[number];

/** Which indicator measure each kind of rule yields. */
export const measureOfKind: Record<RuleKind, Measure> = {
  count: "COUNT",
  countWhere: "COUNT",
  sum: "COUNT",
  share: "PERCENTAGE",
  mean: "MEAN",
};

/** Kobo's validation statuses (ODK Central's review states map onto them). */
export const validationStatuses = ["approved", "notValidated", "onHold", "notApproved"] as const;
export type ValidationStatus = (typeof validationStatuses)[number];

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v || undefined);

export const indicatorRuleSchema = z
  .object({
    indicator: text(100).min(1, "required"),
    kind: z.enum(ruleKinds),
    /** The table whose rows are counted: the submissions ("" or its name) or a repeat group. */
    table: text(200).default(""),
    /** count where / share: the condition; sum / mean: the numeric question. */
    condition: optionalText(1000),
    question: optionalText(200),
    /** Rows left out before anything is computed (e.g. `consent = yes`). */
    filter: optionalText(1000),
  })
  .superRefine((rule, ctx) => {
    if ((rule.kind === "countWhere" || rule.kind === "share") && !rule.condition)
      ctx.addIssue({ code: "custom", path: ["condition"], message: "required" });
    if ((rule.kind === "mean" || rule.kind === "sum") && !rule.question)
      ctx.addIssue({ code: "custom", path: ["question"], message: "required" });
  });
export type IndicatorRule = z.output<typeof indicatorRuleSchema>;

/** A numeric answer (an age) put into an option by range: from ≤ answer ≤ to. */
const bandSchema = z.object({
  option: text(100).min(1),
  from: z.number().finite().nullable().default(null),
  to: z.number().finite().nullable().default(null),
});

export const surveyRulesSchema = z
  .object({
    /** The column holding the place: an ISO code, a place's name or id; or one place for the whole file. */
    place: optionalText(200),
    placeId: optionalText(100),
    /** The period or round: chosen for the whole file, or else from a date column. */
    date: optionalText(200),
    periodId: optionalText(100),
    roundId: optionalText(100),
    /** Which validation statuses count; submissions with others are left out (and listed). */
    statuses: z.array(z.enum(validationStatuses)).min(1, "required").default(["approved"]),
    /** Survey weights: each row counts as its weight in shares and means (Kish's effective n is kept). */
    weight: optionalText(200),
    disaggregations: z
      .array(
        z.object({
          dimension: text(100).min(1),
          column: text(200).min(1),
          bands: z.array(bandSchema).max(50).default([]),
        }),
      )
      .max(10)
      .default([]),
    indicators: z.array(indicatorRuleSchema).min(1, "required").max(200),
  })
  .superRefine((rules, ctx) => {
    if (!rules.place && !rules.placeId) ctx.addIssue({ code: "custom", path: ["place"], message: "required" });
  });
export type SurveyRules = z.output<typeof surveyRulesSchema>;

/** An option range from its name as projects write them: "0-17", "18–59", "60+", "<5", "under 5". */
export function bandFromName(name: string): { from: number | null; to: number | null } | null {
  const t = name.trim().toLowerCase();
  const range = /^(\d+)\s*[-–]\s*(\d+)/.exec(t);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  const plus = /^(\d+)\s*\+|^(?:over|más de|mayores? de)\s*(\d+)/.exec(t);
  if (plus) return { from: Number(plus[1] ?? plus[2]), to: null };
  const under = /^(?:<|under|menos de|menores? de)\s*(\d+)/.exec(t);
  if (under) return { from: null, to: Number(under[1]) - 1 };
  return null;
}

/** Kobo's `_validation_status` (a label or its JSON) or ODK Central's `ReviewState`, as a status. */
export function statusOf(text: string): ValidationStatus {
  const t = text.trim().toLowerCase();
  if (!t || t === "{}" || t === "received" || t === "edited") return "notValidated";
  if (/approved|aprobado/.test(t) && !/not[ _]approved|no aprobado/.test(t)) return "approved";
  if (/not[ _]approved|no aprobado|rejected/.test(t)) return "notApproved";
  if (/on[ _]hold|en espera|hasissues/.test(t)) return "onHold";
  return "notValidated";
}
