"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { formValues } from "@/lib/validation/form-values";
import { addSurveyRound, setPeriodLock, surveyRoundSchema } from "./service";

export type FormState = {
  fieldErrors?: Record<string, string>;
  done?: boolean;
  error?: "notAllowed";
  /** What was typed, shown again after a refusal. */
  values?: Record<string, string>;
};

function fieldErrors(error: z.ZodError): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of error.issues) found[String(issue.path[0] ?? "form")] ??= issue.message;
  return found;
}

export async function addSurveyRoundAction(
  projectId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await currentUser();
  if (!user || !can(user, "results.enter", projectId)) return { error: "notAllowed" };
  const parsed = surveyRoundSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values: formValues(form) };
  await addSurveyRound(user, projectId, Object.fromEntries(form) as z.input<typeof surveyRoundSchema>);
  revalidatePath(`/projects/${projectId}`, "layout");
  return { done: true };
}

export async function periodLockAction(projectId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user || !can(user, "results.review", projectId)) return { error: "notAllowed" };
  const lock = form.get("lock") === "1";
  const reason = String(form.get("reason") ?? "");
  if (!lock && !reason.trim()) return { fieldErrors: { reason: "required" }, values: formValues(form) };
  await setPeriodLock(user, projectId, String(form.get("periodId") ?? ""), lock, reason);
  revalidatePath(`/projects/${projectId}`, "layout");
  return { done: true };
}
