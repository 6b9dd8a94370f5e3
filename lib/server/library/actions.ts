"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, formAction } from "@/lib/server/action";
import { createLibraryIndicator, libraryIndicatorInput } from "./service";

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
