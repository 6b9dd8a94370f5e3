"use client";
import { useActionState } from "react";

/**
 * useActionState for forms whose fields are uncontrolled: each answer gets a number, and the form is
 * keyed by it, so it mounts afresh with what was typed (after a refusal) or what is saved now (after a
 * success). React's own reset after an action does not restore a <select>'s choice.
 */
export function useRemountingAction<S extends object>(action: (state: S, form: FormData) => Promise<S>, initial: S) {
  type Numbered = S & { answer?: number };
  const [state, formAction, pending] = useActionState<Numbered, FormData>(
    async (previous, form) => ({ ...(await action(previous, form)), answer: (previous.answer ?? 0) + 1 }),
    initial as Awaited<Numbered>,
  );
  return { state, formAction, pending, formKey: state.answer ?? 0 };
}
