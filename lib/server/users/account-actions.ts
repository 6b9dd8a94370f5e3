"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { fieldErrorsOf } from "@/lib/domain/validation/form-values";
import { unstorableFormFields } from "@/lib/domain/validation/text";
import { currentUser } from "@/lib/platform/auth/session";
import { db } from "@/lib/platform/db";
import { noteActionCall } from "@/lib/platform/ops/action-log";
import type { SetupFormState } from "@/lib/server/projects/actions";
import { changePassword, type ResetRequest, requestPasswordReset, resetPassword, signOutEverywhere } from "./account";

const text = (form: FormData, field: string) => String(form.get(field) ?? "");

/** Passwords typed twice must match; a NUL or broken character is refused before hashing. */
function passwordFieldProblems(form: FormData): Record<string, string> | null {
  if (unstorableFormFields(form).includes("password")) return { password: "invalidCharacters" };
  if (text(form, "password") !== text(form, "confirm")) return { confirm: "passwordsDiffer" };
  return null;
}

/** Changes the signed-in user's password; every session ends, so they sign in again with the new one. */
export async function changePasswordAction(_: SetupFormState, form: FormData): Promise<SetupFormState> {
  const user = await currentUser();
  if (!user) return { error: "notAllowed" };
  const problems = passwordFieldProblems(form);
  if (problems) return { fieldErrors: problems };
  try {
    const outcome = await changePassword(db(), user.userId, {
      current: text(form, "current"),
      password: text(form, "password"),
    });
    if (outcome === "wrongPassword") return { fieldErrors: { current: "wrongPassword" } };
  } catch (error) {
    if (error instanceof ZodError) return { fieldErrors: fieldErrorsOf(error) };
    throw error;
  }
  redirect("/login?passwordChanged=1");
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await currentUser();
  if (user) await signOutEverywhere(db(), user.userId);
  redirect("/login?signedOut=1");
}

export type ResetRequestState = { outcome?: ResetRequest; error?: "email" };

/** Asks for a reset link by e-mail; answers the same whether the address has an account or not. */
export async function requestResetAction(_: ResetRequestState, form: FormData): Promise<ResetRequestState> {
  await noteActionCall("anonymous");
  const email = text(form, "email").trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) return { error: "email" };
  return { outcome: await requestPasswordReset(db(), email, await headers()) };
}

/** Sets a new password through a reset link, then sends the user to sign in with it. */
export async function resetPasswordAction(token: string, _: SetupFormState, form: FormData): Promise<SetupFormState> {
  await noteActionCall("anonymous");
  const problems = passwordFieldProblems(form);
  if (problems) return { fieldErrors: problems };
  try {
    if (!(await resetPassword(db(), token, text(form, "password")))) return { error: "failed" };
  } catch (error) {
    if (error instanceof ZodError) return { fieldErrors: { password: fieldErrorsOf(error).form ?? "required" } };
    throw error;
  }
  redirect("/login?passwordReset=1");
}
