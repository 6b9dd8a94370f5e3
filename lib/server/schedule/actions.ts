"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { can } from "@/lib/domain/permissions";
import { fieldErrorsOf, formValues } from "@/lib/domain/validation/form-values";
import { unstorableFormFields } from "@/lib/domain/validation/text";
import { currentUser } from "@/lib/platform/auth/session";
import { MAX_PROGRESS_NOTE, StaleProgressNote, saveProgressNote } from "./progress-notes";
import {
  addPeriod,
  addSurveyRound,
  periodSchema,
  removeScheduleEntry,
  ScheduleRefused,
  setPeriodLock,
  surveyRoundSchema,
  updateSurveyRound,
} from "./service";

export type FormState = {
  fieldErrors?: Record<string, string>;
  done?: boolean;
  error?: "notAllowed" | "hasResults" | "locked" | "stale";
  /** What was typed, shown again after a refusal. */
  values?: Record<string, string>;
};

/** A form state naming the fields whose text cannot be stored, or null. */
function refuseUnstorable(form: FormData): FormState | null {
  const fields = unstorableFormFields(form);
  if (!fields.length) return null;
  return { fieldErrors: Object.fromEntries(fields.map((f) => [f, "invalidCharacters"])), values: formValues(form) };
}

/** Adds a survey round, or edits one when the form names it (roundId). */
export async function addSurveyRoundAction(
  projectId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await currentUser();
  if (!user || !can(user, "results.enter", projectId)) return { error: "notAllowed" };
  const unstorable = refuseUnstorable(form);
  if (unstorable) return unstorable;
  const { roundId, ...input } = Object.fromEntries(form) as Record<string, string>;
  const parsed = surveyRoundSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: formValues(form) };
  const round = input as z.input<typeof surveyRoundSchema>;
  if (roundId) await updateSurveyRound(user, projectId, roundId, round);
  else await addSurveyRound(user, projectId, round);
  revalidatePath(`/projects/${projectId}`, "layout");
  return { done: true };
}

export async function addPeriodAction(projectId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user || !can(user, "project.edit", projectId)) return { error: "notAllowed" };
  const unstorable = refuseUnstorable(form);
  if (unstorable) return unstorable;
  const input = Object.fromEntries(form) as z.input<typeof periodSchema>;
  const parsed = periodSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: formValues(form) };
  try {
    await addPeriod(user, projectId, input);
  } catch (error) {
    if (error instanceof z.ZodError) return { fieldErrors: fieldErrorsOf(error), values: formValues(form) };
    throw error;
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  return { done: true };
}

export async function removeScheduleEntryAction(
  projectId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await currentUser();
  if (!user) return { error: "notAllowed" };
  const kind = form.get("kind") === "period" ? "period" : "round";
  if (!can(user, kind === "period" ? "project.edit" : "results.enter", projectId)) return { error: "notAllowed" };
  try {
    await removeScheduleEntry(user, projectId, kind, String(form.get("id") ?? ""));
  } catch (error) {
    if (error instanceof ScheduleRefused) return { error: error.code };
    throw error;
  }
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

/** Saves a period's progress note (managers); a note saved meanwhile by someone else is not overwritten. */
export async function progressNoteAction(projectId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user || !can(user, "results.review", projectId)) return { error: "notAllowed" };
  const refused = refuseUnstorable(form);
  if (refused) return refused;
  const note = String(form.get("note") ?? "");
  if (note.length > MAX_PROGRESS_NOTE) return { fieldErrors: { note: "noteTooLong" }, values: formValues(form) };
  try {
    await saveProgressNote(user, projectId, String(form.get("periodId") ?? ""), note, String(form.get("seenAt") ?? ""));
  } catch (error) {
    if (error instanceof StaleProgressNote) return { error: "stale", values: formValues(form) };
    throw error;
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  return { done: true };
}
