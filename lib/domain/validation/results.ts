// What a result must look like: one zod schema for the shape (shared by forms and the API) and the
// rules that depend on the indicator (measure, source) and the project (periods, locations, options).
import { z } from "zod";

const count = z.number().finite();

export const resultInputSchema = z.object({
  indicatorId: z.string().min(1),
  periodId: z.string().min(1).nullish(),
  roundId: z.string().min(1).nullish(),
  locationId: z.string().min(1),
  optionId: z.string().min(1).nullish(),
  value: count.nullish(),
  numerator: count.nullish(),
  denominator: count.nullish(),
  sampleSize: z.number().finite().min(0, "negative").nullish(),
  /** Weighted survey figures only: the sum of the weights behind the value (see resultProblems). */
  weightSum: z.number().finite().positive("notPositive").nullish(),
  textValue: z.string().trim().max(4000).nullish(),
  note: z.string().max(4000).optional(),
  evidenceUrl: z.string().url("url").nullish(),
  /** The version read before editing; required to change an existing result. */
  version: z.number().int().positive().optional(),
});

export type ResultInput = z.infer<typeof resultInputSchema>;
