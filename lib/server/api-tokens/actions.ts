"use server";
import { revalidatePath } from "next/cache";
import { formValues } from "@/lib/domain/validation/form-values";
import { unstorableFormFields } from "@/lib/domain/validation/text";
import { currentUser } from "@/lib/platform/auth/session";
import { createApiToken, newApiTokenSchema, revokeApiToken } from "./service";

export type CreateApiTokenState = {
  fieldErrors?: Partial<Record<"name" | "expiresAt", string>>;
  token?: string;
  /** What was typed, shown again after a refusal. */
  values?: Record<string, string>;
};

/** Form action: the signed-in user creates a token for themselves; the secret is shown once. */
export async function createApiTokenAction(
  _previous: CreateApiTokenState,
  form: FormData,
): Promise<CreateApiTokenState> {
  const user = await currentUser();
  if (!user) return { fieldErrors: { name: "notSignedIn" } };
  if (unstorableFormFields(form).includes("name"))
    return { fieldErrors: { name: "invalidCharacters" }, values: formValues(form) };
  const expiry = String(form.get("expiresAt") ?? "");
  const parsed = newApiTokenSchema.safeParse({
    name: form.get("name") ?? "",
    expiresAt: expiry ? new Date(`${expiry}T23:59:59.999Z`) : null,
  });
  if (!parsed.success) {
    const fieldErrors: CreateApiTokenState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "name" || field === "expiresAt") fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors, values: formValues(form) };
  }
  const { token } = await createApiToken(user, parsed.data);
  revalidatePath("/settings/tokens");
  return { token };
}

export async function revokeApiTokenAction(form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) return;
  await revokeApiToken(user, String(form.get("tokenId") ?? ""));
  revalidatePath("/settings/tokens");
}
