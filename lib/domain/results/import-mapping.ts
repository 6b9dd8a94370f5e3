// Which column of an uploaded table holds what: chosen by the user, saved per project, guessed from the
// headers the first time (KoboToolbox exports included). Pure: no I/O.
import { z } from "zod";

export const mappedFields = [
  "indicator",
  "location",
  "period",
  "option",
  "value",
  "numerator",
  "denominator",
  "sampleSize",
  "text",
  "note",
  "validationStatus",
] as const;
export type MappedField = (typeof mappedFields)[number];

const column = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);

export const importMappingSchema = z
  .object({
    indicator: z.string().trim().min(1, "required"),
    location: z.string().trim().min(1, "required"),
    period: z.string().trim().min(1, "required"),
    option: column,
    value: column,
    numerator: column,
    denominator: column,
    sampleSize: column,
    text: column,
    note: column,
    /** KoboToolbox's `_validation_status`: only approved submissions are taken unless told otherwise. */
    validationStatus: column,
    includeUnapproved: z.boolean().default(false),
    /**
     * How the file writes numbers: "en" (1,200.5) or "es" (1.200,5). Unset: only what a number's
     * shape settles is read; "1,200" or "1.200" is refused as ambiguous.
     */
    numbers: z.enum(["en", "es"]).optional(),
  })
  .refine((m) => m.value || m.numerator || m.text, { path: ["value"], message: "required" });

export type ImportMapping = z.output<typeof importMappingSchema>;

const hints: Record<MappedField, RegExp> = {
  indicator: /^(indicator|indicador)([ _-]?(code|c[oó]digo))?$/i,
  location: /^(location|place|region|regi[oó]n|site|sitio|lugar|iso|country|pa[ií]s)([ _-]?(code|iso))?$/i,
  period: /^(period|periodo|round|ronda|quarter|trimestre)$/i,
  option: /^(option|opci[oó]n|disaggregation|desagregaci[oó]n|sex|sexo|gender|g[eé]nero)$/i,
  value: /^(value|valor|count|conteo|total)$/i,
  numerator: /^(numerator|numerador)$/i,
  denominator: /^(denominator|denominador)$/i,
  sampleSize: /^(sample[ _-]?size|n|muestra|tama[nñ]o[ _-]?de[ _-]?muestra)$/i,
  text: /^(text|texto|qualitative|cualitativo)$/i,
  note: /^(note|notes|nota|notas|comment|comentario)$/i,
  validationStatus: /^_?validation_status$/i,
};

/** A first mapping from the headers: Kobo group prefixes ("group_x/indicator") are ignored. */
export function guessMapping(headers: string[]): Partial<Record<MappedField, string>> {
  const guess: Partial<Record<MappedField, string>> = {};
  for (const field of mappedFields) {
    const found = headers.find((h) => hints[field].test(h.split("/").at(-1)?.trim() ?? ""));
    if (found) guess[field] = found;
  }
  return guess;
}

/** Kobo writes "validation_status_approved" (API) or "Approved" (exports); both mean approved. */
export function isApproved(status: string): boolean {
  return /^(validation_status_approved|approved|aprobado)$/i.test(status.trim());
}
