// What a library indicator is made of (#34), as the form, the API and the service read it.
import { z } from "zod";
import { measures } from "@/lib/domain/measures";

export const libraryIndicatorInput = z.object({
  code: z.string().trim().min(1, "required").max(40, "tooLong"),
  nameEn: z.string().trim().min(1, "required").max(300, "tooLong"),
  nameEs: z.string().trim().min(1, "required").max(300, "tooLong"),
  definition: z.string().trim().max(4000, "tooLong").default(""),
  measure: z.enum(measures),
  unit: z.string().trim().max(60, "tooLong").default(""),
  direction: z.enum(["INCREASE", "DECREASE"]).default("INCREASE"),
  dimensionKeys: z.array(z.string().min(1).max(60)).max(5, "tooMany").default([]),
  rollupRule: z.enum(["SUM", "RATIO", "NONE"]).optional(),
});

export type LibraryIndicatorInput = z.input<typeof libraryIndicatorInput>;
