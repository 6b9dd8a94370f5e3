// What filing a study takes: the form, the API and the demo seed all pass through this one schema.
import { z } from "zod";

export const studyMethods = ["QUANTITATIVE", "QUALITATIVE", "MIXED"] as const;
export const studyVisibilities = ["INTERNAL", "DONORS", "PUBLIC"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "invalidDate");
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "invalidLanguage");
const ids = z.array(z.string().min(1).max(64)).max(50);

export const studyInput = z
  .object({
    typeKey: z.string().min(1).max(60),
    texts: z
      .array(
        z.object({
          language,
          title: z.string().trim().min(1, "required").max(300),
          abstract: z.string().trim().max(20_000).default(""),
        }),
      )
      .min(1, "required")
      .max(6)
      .refine((texts) => new Set(texts.map((t) => t.language)).size === texts.length, "duplicateLanguage"),
    method: z.enum(studyMethods).nullable().default(null),
    instruments: z.string().trim().max(2_000).default(""),
    fieldworkStart: day.nullable().default(null),
    fieldworkEnd: day.nullable().default(null),
    publishedOn: day.nullable().default(null),
    authors: z.string().trim().max(500).default(""),
    commissionedBy: z.string().trim().max(500).default(""),
    pageCount: z.number().int().min(1).max(100_000).nullable().default(null),
    visibility: z.enum(studyVisibilities).default("INTERNAL"),
    projectIds: ids.default([]),
    locationIds: ids.default([]),
    roundIds: ids.default([]),
    indicatorIds: ids.default([]),
    themeKeys: z.array(z.string().min(1).max(60)).max(20).default([]),
    samples: z
      .array(
        z.object({
          group: z.string().trim().min(1, "required").max(300),
          planned: z.number().int().min(0).max(100_000_000).nullable().default(null),
          achieved: z.number().int().min(0).max(100_000_000).nullable().default(null),
        }),
      )
      .max(20)
      .default([]),
    findings: z
      .array(
        z.object({
          language,
          statement: z.string().trim().min(1, "required").max(1_000),
          indicatorId: z.string().min(1).max(64).nullable().default(null),
        }),
      )
      .max(50)
      .default([]),
  })
  .refine((s) => !s.fieldworkStart || !s.fieldworkEnd || s.fieldworkStart <= s.fieldworkEnd, {
    path: ["fieldworkEnd"],
    message: "endBeforeStart",
  });

export type StudyInput = z.input<typeof studyInput>;
export type StudyData = z.output<typeof studyInput>;

/** A value's cited source: the study (null: none) and its page. */
export const citationInput = z.object({
  resultId: z.string().min(1, "required").max(64),
  studyId: z.string().min(1).max(64).nullable(),
  page: z.number({ error: "notWholeNumber" }).int("notWholeNumber").min(1, "notWholeNumber").max(100_000).nullable(),
});

/** The filters of a search of the library, as the page's address and the API's query give them. */
export const studySearchInput = z.object({
  q: z.string().trim().max(200).default(""),
  type: z.string().max(60).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  theme: z.string().max(60).optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  method: z.enum(studyMethods).optional(),
  project: z.string().max(64).optional(),
});

export type StudySearch = z.output<typeof studySearchInput>;
