"use server";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/platform/auth/session";
import { type ActionState, formAction } from "@/lib/server/action";
import { createApiToken, newApiTokenSchema, revokeApiToken } from "./service";

export type CreateApiTokenState = ActionState & { token?: string };

/** Form action: the signed-in user creates a token for themselves; the secret is shown once. */
export async function createApiTokenAction(
  _previous: CreateApiTokenState,
  form: FormData,
): Promise<CreateApiTokenState> {
  const expiry = String(form.get("expiresAt") ?? "");
  return formAction(
    form,
    {
      textFields: ["name"],
      parse: {
        schema: newApiTokenSchema,
        input: () => ({
          name: form.get("name") ?? "",
          expiresAt: expiry ? new Date(`${expiry}T23:59:59.999Z`) : null,
        }),
        field: ({ path: [field] }) => (field === "name" || field === "expiresAt" ? field : null),
      },
    },
    async (user, input) => {
      const { token } = await createApiToken(user, input);
      revalidatePath("/settings/tokens");
      return { done: true, token };
    },
  );
}

export async function revokeApiTokenAction(form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) return;
  await revokeApiToken(user, String(form.get("tokenId") ?? ""));
  revalidatePath("/settings/tokens");
}
