"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, formAction } from "@/lib/server/action";
import { countryCodesOf, regionInput, saveRegion } from "./regions";

export type RegionFormState = ActionState & { key?: string };

/** Creates or replaces a region of countries (admins and M&E leads: "library.manage"). */
export async function saveRegionAction(_: RegionFormState, form: FormData): Promise<RegionFormState> {
  return formAction<RegionFormState, typeof regionInput>(
    form,
    {
      parse: {
        schema: regionInput,
        input: (f) => ({ ...Object.fromEntries(f), countries: countryCodesOf(String(f.get("countries") ?? "")) }),
        // A bad code among the countries is the countries field's problem.
        field: (issue) => String(issue.path[0] ?? ""),
      },
    },
    async (user, input) => {
      const saved = await saveRegion(user, input);
      revalidatePath("/organisation");
      return { done: true, key: saved.key };
    },
  );
}
