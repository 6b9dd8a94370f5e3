"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { numberLocale } from "@/lib/domain/validation/numbers";
import { type ActionState, formAction } from "@/lib/server/action";
import { deletePopulationFigure, type PopulationInput, savePopulationFigure } from "./service";

const path = "/organisation/population";

/**
 * Adds a population figure, or changes one when the form names its id. Who may is the service's check
 * (admins and M&E leads any place, a manager the project's places); numbers are read in the reader's locale.
 */
export async function savePopulationFigureAction(_: ActionState, form: FormData): Promise<ActionState> {
  const locale = numberLocale(await getLocale());
  // The service parses the form (its zod refusals become the fields' errors).
  return formAction<ActionState>(form, {}, async (user) => {
    const { id, ...input } = Object.fromEntries(form) as Record<string, string>;
    await savePopulationFigure(user, input as PopulationInput, { id: id || undefined, locale });
    revalidatePath(path);
  });
}

/** Deletes a population figure the caller keeps. */
export async function deletePopulationFigureAction(_: ActionState, form: FormData): Promise<ActionState> {
  return formAction<ActionState>(form, {}, async (user) => {
    await deletePopulationFigure(user, String(form.get("id") ?? ""));
    revalidatePath(path);
  });
}
