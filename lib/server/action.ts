import "server-only";
// The one wrapper of the forms' server actions, as lib/http/route.ts is the API's: it settles who is
// asking (and refuses a caller without the permission before anything is read), refuses text that cannot
// be stored, parses the form with a zod schema into field errors, and turns a service's DomainError into
// the form's state from the code table (lib/domain/errors.ts), keeping what was typed. Refusals and
// failures are logged with the request id.
import { unstable_rethrow } from "next/navigation";
import { ZodError, type ZodType, type z } from "zod";
import { type ActionState, DomainError, type ErrorCode, formRefusalOf, messageKeyOf } from "@/lib/domain/errors";
import { can, type Permission, type UserPrincipal } from "@/lib/domain/permissions";
import { fieldErrorsOf, formValues } from "@/lib/domain/validation/form-values";
import { unstorableFormFields } from "@/lib/domain/validation/text";
import { currentUser } from "@/lib/platform/auth/session";
import { logActionFailure, logActionRefusal, noteActionCall } from "@/lib/platform/ops/action-log";

export type { ActionState };

type Issue = ZodError["issues"][number];

type Spec<S extends ZodType> = {
  /** The permission the caller needs on a project, checked before the form is read. */
  permission?: readonly [Permission, string];
  /**
   * Which fields' text to refuse when it cannot be stored (a NUL, a broken surrogate): all by default,
   * or those named.
   */
  textFields?: readonly string[];
  /** The fields shown again after a refusal: all by default; never a password. */
  keep?: readonly string[];
  /** The form's input and the schema it must pass; a refusal names each field's first problem. */
  parse?: { schema: S; input: (form: FormData) => unknown; field?: (issue: Issue) => string | null };
};

/**
 * Runs a form's work for the signed-in user; `work` answers nothing (done), or a state of its own. A
 * caller who is not signed in or lacks the permission is answered `notAllowed`.
 */
export async function formAction<S extends ActionState, P extends ZodType = ZodType<undefined>>(
  form: FormData,
  spec: Spec<P>,
  // biome-ignore lint/suspicious/noConfusingVoidType: forms that have nothing to say return nothing
  work: (user: UserPrincipal, input: z.output<P>) => Promise<S | undefined | void>,
): Promise<S> {
  const user = await currentUser();
  if (!user || (spec.permission && !can(user, ...spec.permission))) return refused("forbidden") as S;
  const typed = keptInput(form, spec.keep);
  const unstorable = unstorableFormFields(form).filter((f) => !spec.textFields || spec.textFields.includes(f));
  if (unstorable.length)
    return { fieldErrors: Object.fromEntries(unstorable.map((f) => [f, "invalidCharacters"])), ...typed } as S;
  let input = undefined as z.output<P>;
  if (spec.parse) {
    const parsed = spec.parse.schema.safeParse(spec.parse.input(form));
    if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error, spec.parse.field), ...typed } as S;
    input = parsed.data;
  }
  return answer(typed, () => work(user, input));
}

/**
 * Runs the work of a form anyone may send (sign-up through an invitation, a password reset); only the
 * fields named in `keep` are shown again after a refusal (never a password).
 */
export async function anonymousFormAction<S extends ActionState>(
  form: FormData,
  keep: readonly string[],
  // biome-ignore lint/suspicious/noConfusingVoidType: forms that have nothing to say return nothing
  work: () => Promise<S | undefined | void>,
): Promise<S> {
  await noteActionCall("anonymous");
  return answer(keptInput(form, keep), work);
}

/**
 * The work's state (done when it says nothing, with the checkboxes' values when it gives the typed
 * ones back), or its refusal. Every field of a state is optional, so a refusal is a state of any form.
 */
async function answer<S extends ActionState>(
  typed: Typed,
  // biome-ignore lint/suspicious/noConfusingVoidType: see formAction
  work: () => Promise<S | undefined | void>,
): Promise<S> {
  try {
    const state: S = (await work()) ?? ({ done: true } as S);
    return state.values ? { ...state, lists: typed.lists } : state;
  } catch (error) {
    unstable_rethrow(error); // redirects and not-found are Next's, not failures
    if (error instanceof DomainError) {
      await logActionRefusal(error.code);
      return { ...formRefusalOf(error), ...typed } as S;
    }
    if (error instanceof ZodError) {
      await logActionRefusal("validation");
      return { fieldErrors: fieldErrorsOf(error), ...typed } as S;
    }
    await logActionFailure(error);
    throw error;
  }
}

type Typed = { values: Record<string, string>; lists: Record<string, string[]> };

/** What was typed, to show again after a refusal: every field, or those in `keep`. */
function keptInput(form: FormData, keep?: readonly string[]): Typed {
  const kept = (name: string) => !keep || keep.includes(name);
  const values = Object.fromEntries(Object.entries(formValues(form)).filter(([name]) => kept(name)));
  const lists: Record<string, string[]> = {};
  for (const key of new Set(form.keys())) if (kept(key)) lists[key] = form.getAll(key).map(String);
  return { values, lists };
}

/** A refusal of the whole form, by its code's message. */
function refused(code: ErrorCode): ActionState {
  return { error: messageKeyOf(code) };
}

function fieldErrorsFrom(error: ZodError, field?: (issue: Issue) => string | null) {
  if (!field) return fieldErrorsOf(error);
  const found: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = field(issue);
    if (name) found[name] ??= issue.message;
  }
  return found;
}
