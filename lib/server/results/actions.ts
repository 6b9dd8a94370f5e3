"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { formValues } from "@/lib/domain/validation/form-values";
import { resultInputSchema } from "@/lib/domain/validation/results";
import { isStorableText, unstorableTextPaths } from "@/lib/domain/validation/text";
import { currentUser } from "@/lib/platform/auth/session";
import { type ActionState, formAction } from "@/lib/server/action";
import { BatchProblems, reviewResults, saveSheet, VersionConflict } from "./entry";
import { mayEnter } from "./entry-sheet";
import { mayReview } from "./review-queue";

export type SaveOutcome =
  | { ok: true; saved: { index: number; id: string; version: number; status: string }[]; cleared: number }
  | { ok: false; problems: { index: number; field: string; code: string }[] }
  | {
      ok: false;
      conflict: {
        index: number;
        value: number | null;
        numerator: number | null;
        denominator: number | null;
        version: number;
      };
    }
  | { ok: false; message: "notAllowed" | "invalid" };

/**
 * The entry grid's save: checks session and permission itself (a partner's member: at the partner's
 * sites, each item's place checked by saveSheet), then the all-or-nothing batch.
 */
export async function saveResultsAction(projectId: string, items: unknown, submit: boolean): Promise<SaveOutcome> {
  const user = await currentUser();
  if (!user || !mayEnter(user, projectId)) return { ok: false, message: "notAllowed" };
  const unstorable = unstorableTextPaths(items);
  if (unstorable.length) {
    return {
      ok: false,
      problems: unstorable.map((path) => {
        const [index, field] = path.split(".");
        return { index: Number(index), field: field ?? "", code: "invalidCharacters" };
      }),
    };
  }
  const parsed = z.array(resultInputSchema).safeParse(items);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        index: Number(i.path[0]),
        field: String(i.path[1] ?? ""),
        code: "invalid",
      })),
    };
  }
  try {
    const { saved, cleared } = await saveSheet(user, projectId, parsed.data, submit);
    revalidatePath(`/projects/${projectId}`, "layout");
    return {
      ok: true,
      saved: saved.map((r, index) => ({ index, id: r.id, version: r.version, status: r.status })),
      cleared: cleared.length,
    };
  } catch (error) {
    if (error instanceof BatchProblems) return { ok: false, problems: error.problems };
    if (error instanceof VersionConflict) {
      return {
        ok: false,
        conflict: {
          index: error.index,
          value: error.current.value,
          numerator: error.current.numerator,
          denominator: error.current.denominator,
          version: error.current.version,
        },
      };
    }
    throw error;
  }
}

/** A review's state: `decided` says what was done. */
export type ReviewOutcome = ActionState & { decided?: "approve" | "return" };

/** A manager's decision on one submitted result, from the review page. */
export async function reviewResultAction(
  projectId: string,
  _previous: ReviewOutcome,
  form: FormData,
): Promise<ReviewOutcome> {
  const pick = { resultId: String(form.get("resultId") ?? ""), version: Number(form.get("version")) };
  return formAction(form, { textFields: [] }, async (user): Promise<ReviewOutcome> => {
    if (!mayReview(user, projectId)) return { error: "notAllowed" };
    const { error, decision } = await decide(user, projectId, form, [pick]);
    if (error === "noneChosen") return { error: "changed", values: formValues(form) };
    return error ? { error, values: formValues(form) } : { done: true, decided: decision };
  });
}

export type BatchReviewOutcome = ActionState & { decided?: { decision: "approve" | "return"; count: number } };

/** A manager's decision on every value chosen on the review page ("<resultId>:<version>"), all or nothing. */
export async function reviewBatchAction(
  projectId: string,
  _previous: BatchReviewOutcome,
  form: FormData,
): Promise<BatchReviewOutcome> {
  const picks = form.getAll("pick").map((v) => {
    const [resultId = "", version = ""] = String(v).split(":");
    return { resultId, version: Number(version) };
  });
  return formAction(form, { textFields: [] }, async (user): Promise<BatchReviewOutcome> => {
    if (!mayReview(user, projectId)) return { error: "notAllowed" };
    const { error, decision } = await decide(user, projectId, form, picks);
    return error ? { error } : { done: true, decided: { decision, count: picks.length } };
  });
}

type ReviewRefusal =
  | "commentRequired"
  | "changed"
  | "invalidCharacters"
  | "noneChosen"
  | "awaitsPartner"
  | "sameReviewer"
  | "notYourSite";

/**
 * The review decision of a form (approve, or return with a comment) on the values picked, all or
 * nothing. A pick that is stale or no longer reviewable is "changed": the page is to be reloaded. A value
 * still waiting for its partner's approval (two-level approval) is "awaitsPartner"; one the reviewer
 * approved for the partner themselves, "sameReviewer"; one the reviewer has no say on, "notYourSite".
 */
async function decide(
  user: UserPrincipal,
  projectId: string,
  form: FormData,
  picks: { resultId: string; version: number }[],
) {
  const decision: "approve" | "return" = form.get("decision") === "return" ? "return" : "approve";
  const refuse = (error: ReviewRefusal) => ({ error, decision });
  const comment = String(form.get("comment") ?? "").trim();
  if (!isStorableText(comment)) return refuse("invalidCharacters");
  if (decision === "return" && !comment) return refuse("commentRequired");
  if (picks.length === 0) return refuse("noneChosen");
  // A pick is "<resultId>:<version>" as the page wrote it; anything else was not read from the page.
  if (picks.some((pick) => !pick.resultId || !Number.isInteger(pick.version))) return refuse("changed");
  try {
    await reviewResults(
      user,
      projectId,
      picks.map((pick) => ({ ...pick, decision, comment: comment || undefined })),
    );
  } catch (error) {
    if (error instanceof BatchProblems) {
      const codes = new Set(error.problems.map((p) => p.code));
      if (codes.has("awaitsPartner")) return refuse("awaitsPartner");
      if (codes.has("sameReviewer")) return refuse("sameReviewer");
      if (codes.has("notYourSite")) return refuse("notYourSite");
    }
    if (error instanceof BatchProblems || error instanceof VersionConflict) return refuse("changed");
    throw error;
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  return { error: undefined, decision };
}
