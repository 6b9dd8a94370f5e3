"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { OptionMapping } from "@/lib/domain/library/link-check";
import { type ActionState, formAction } from "@/lib/server/action";
import { createFromLibrary, fromLibraryInput } from "./from-library";
import { createLibraryIndicator, libraryIndicatorInput, linkIndicator, unlinkIndicator } from "./service";

export type LibraryFormState = ActionState & { code?: string };

/** Adds an indicator to the organisation's library (admins and M&E leads: "library.manage"). */
export async function createLibraryIndicatorAction(_: LibraryFormState, form: FormData): Promise<LibraryFormState> {
  return formAction<LibraryFormState, typeof libraryIndicatorInput>(
    form,
    {
      parse: {
        schema: libraryIndicatorInput,
        input: (f) => ({
          ...Object.fromEntries(f),
          dimensionKeys: f.getAll("dimensionKeys"),
          rollupRule: f.get("rollupRule") || undefined,
        }),
      },
    },
    async (user, input) => {
      const created = await createLibraryIndicator(user, input);
      revalidatePath("/organisation");
      return { done: true, code: created.code };
    },
  );
}

const linkForm = z.object({ libraryIndicatorId: z.string().min(1, "required") });

/** The form's mappings: a select per required catalogue option, named options.<dimension key>.<option key>. */
function mappingsOf(form: FormData): OptionMapping[] {
  return [...form.entries()].flatMap(([name, value]) => {
    const match = /^options\.([^.]+)\.(.+)$/.exec(name);
    return match?.[1] && match[2] && typeof value === "string" && value
      ? [{ dimensionKey: match[1], optionKey: match[2], projectOptionId: value }]
      : [];
  });
}

/** Links a project's indicator to a library indicator (its managers: "project.edit"); refusals on their fields. */
export async function linkIndicatorAction(
  projectId: string,
  indicatorId: string,
  _: ActionState,
  form: FormData,
): Promise<ActionState> {
  return formAction(
    form,
    { permission: ["project.edit", projectId], parse: { schema: linkForm, input: (f) => Object.fromEntries(f) } },
    async (user, input) => {
      await linkIndicator(user, projectId, indicatorId, input.libraryIndicatorId, mappingsOf(form));
      revalidateLinks(projectId);
    },
  );
}

/** Removes an indicator's link to the library (its project's managers). */
export async function unlinkIndicatorAction(
  projectId: string,
  indicatorId: string,
  _: ActionState,
  form: FormData,
): Promise<ActionState> {
  return formAction(form, { permission: ["project.edit", projectId] }, async (user) => {
    await unlinkIndicator(user, projectId, indicatorId);
    revalidateLinks(projectId);
  });
}

export type FromLibraryState = ActionState & { indicatorId?: string; code?: string };

/** Adds a project indicator made from a library indicator, linked (its project's managers). */
export async function createFromLibraryAction(
  projectId: string,
  _: FromLibraryState,
  form: FormData,
): Promise<FromLibraryState> {
  return formAction<FromLibraryState, typeof fromLibraryInput>(
    form,
    {
      permission: ["project.edit", projectId],
      parse: { schema: fromLibraryInput, input: (f) => Object.fromEntries(f) },
    },
    async (user, input) => {
      const created = await createFromLibrary(user, projectId, input);
      revalidateLinks(projectId);
      return { done: true, indicatorId: created.id, code: created.code };
    },
  );
}

/** The project's pages (its setup shows the link) and the organisation's (the library lists the project). */
function revalidateLinks(projectId: string) {
  revalidatePath(`/projects/${projectId}`, "layout");
  revalidatePath("/organisation", "layout");
}
