"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { fieldErrorsOf } from "@/lib/domain/validation/form-values";
import { unstorableFormFields } from "@/lib/domain/validation/text";
import { currentUser } from "@/lib/platform/auth/session";
import { type ActionState, anonymousFormAction, formAction } from "@/lib/server/action";
import { changePassword, type ResetRequest, requestPasswordReset, resetPassword, signOutEverywhere } from "./account";

const text = (form: FormData, field: string) => String(form.get(field) ?? "");

/** Passwords typed twice must match; a NUL or broken character is refused before hashing. */
function passwordFieldProblems(form: FormData): ActionState | null {
  if (unstorableFormFields(form).includes("password")) return { fieldErrors: { password: "invalidCharacters" } };
  if (text(form, "password") !== text(form, "confirm")) return { fieldErrors: { confirm: "passwordsDiffer" } };
  return null;
}

/** Changes the signed-in user's password; every session ends, so they sign in again with the new one. */
export async function changePasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  // Nothing typed is shown again: every field is a password.
  return formAction(form, { keep: [], textFields: [] }, async (user) => {
    const problems = passwordFieldProblems(form);
    if (problems) return problems;
    // A wrong current password is refused on its field (a DomainError).
    await changePassword(user.userId, { current: text(form, "current"), password: text(form, "password") });
    redirect("/login?passwordChanged=1");
  });
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await currentUser();
  if (user) await signOutEverywhere(user.userId);
  redirect("/login?signedOut=1");
}

export type ResetRequestState = ActionState & { outcome?: ResetRequest };

/** Asks for a reset link by e-mail; answers the same whether the address has an account or not. */
export async function requestResetAction(_: ResetRequestState, form: FormData): Promise<ResetRequestState> {
  return anonymousFormAction(form, [], async () => {
    const email = text(form, "email").trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) return { error: "email" };
    return { outcome: await requestPasswordReset(email, await headers()) };
  });
}

/** Sets a new password through a reset link, then sends the user to sign in with it. */
export async function resetPasswordAction(token: string, _: ActionState, form: FormData): Promise<ActionState> {
  return anonymousFormAction(form, [], async () => {
    const problems = passwordFieldProblems(form);
    if (problems) return problems;
    try {
      if (!(await resetPassword(token, text(form, "password")))) return { error: "failed" };
    } catch (error) {
      // The new password is checked alone: its problem is the password field's.
      if (error instanceof ZodError) return { fieldErrors: { password: fieldErrorsOf(error).form ?? "required" } };
      throw error;
    }
    redirect("/login?passwordReset=1");
  });
}
