"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formValues } from "@/lib/domain/validation/form-values";
import { type ActionState, formAction } from "@/lib/server/action";
import { MAX_PROGRESS_NOTE, saveProgressNote } from "./progress-notes";
import {
  addPeriod,
  addSurveyRound,
  periodSchema,
  removeScheduleEntry,
  setPeriodLock,
  surveyRoundSchema,
  updateSurveyRound,
} from "./service";

/** A schedule form's state (lib/server/action.ts). */
export type FormState = ActionState;

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

/** Adds a survey round, or edits one when the form names it (roundId). */
export async function addSurveyRoundAction(
  projectId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const { roundId, ...input } = Object.fromEntries(form) as Record<string, string>;
  return formAction(
    form,
    { permission: ["results.enter", projectId], parse: { schema: surveyRoundSchema, input: () => input } },
    async (user) => {
      const round = input as z.input<typeof surveyRoundSchema>;
      if (roundId) await updateSurveyRound(user, projectId, roundId, round);
      else await addSurveyRound(user, projectId, round);
      refresh(projectId);
    },
  );
}

export async function addPeriodAction(projectId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const input = Object.fromEntries(form) as z.input<typeof periodSchema>;
  return formAction(
    form,
    { permission: ["project.edit", projectId], parse: { schema: periodSchema, input: () => input } },
    async (user) => {
      await addPeriod(user, projectId, input);
      refresh(projectId);
    },
  );
}

export async function removeScheduleEntryAction(
  projectId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const kind = form.get("kind") === "period" ? "period" : "round";
  const permission = kind === "period" ? "project.edit" : "results.enter";
  return formAction(form, { permission: [permission, projectId], textFields: [] }, async (user) => {
    await removeScheduleEntry(user, projectId, kind, String(form.get("id") ?? ""));
    refresh(projectId);
  });
}

export async function periodLockAction(projectId: string, _previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, { permission: ["results.review", projectId] }, async (user) => {
    const lock = form.get("lock") === "1";
    const reason = String(form.get("reason") ?? "");
    if (!lock && !reason.trim()) return { fieldErrors: { reason: "required" }, values: formValues(form) };
    await setPeriodLock(user, projectId, String(form.get("periodId") ?? ""), lock, reason);
    refresh(projectId);
  });
}

/** Saves a period's progress note (managers); a note saved meanwhile by someone else is not overwritten. */
export async function progressNoteAction(projectId: string, _previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, { permission: ["results.review", projectId] }, async (user) => {
    const note = String(form.get("note") ?? "");
    if (note.length > MAX_PROGRESS_NOTE) return { fieldErrors: { note: "noteTooLong" }, values: formValues(form) };
    await saveProgressNote(user, projectId, String(form.get("periodId") ?? ""), note, String(form.get("seenAt") ?? ""));
    refresh(projectId);
  });
}
