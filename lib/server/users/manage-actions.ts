"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, formAction } from "@/lib/server/action";
import { changeUser, resetLinkFor } from "./manage";

export type ManageUserState = ActionState & { resetLink?: string };

const manageUserSchema = z.object({
  userId: z.string().min(1, "required").max(100),
  intent: z.enum([
    "deactivate",
    "reactivate",
    "grantAdmin",
    "revokeAdmin",
    "grantProgramManager",
    "revokeProgramManager",
    "grantMeLead",
    "revokeMeLead",
    "resetLink",
  ]),
});

/** One change an admin makes to a user on the users screen (the service checks "users.manage" first). */
export async function manageUserAction(_: ManageUserState, form: FormData): Promise<ManageUserState> {
  return formAction<ManageUserState, typeof manageUserSchema>(
    form,
    { parse: { schema: manageUserSchema, input: (f) => Object.fromEntries(f) } },
    async (user, { userId, intent }) => {
      if (intent === "resetLink") return { resetLink: await resetLinkFor(user, userId) };
      await changeUser(user, userId, intent);
      revalidatePath("/admin/users");
    },
  );
}
