"use client";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useRemountingAction } from "@/components/ui/use-remounting-action";
import { megabytes } from "@/lib/domain/format/file-size";
import type { SetupFormState } from "@/lib/server/projects/actions";

/**
 * A project-setup form's state: its action, translated field errors, and what was typed (shown again
 * after a refusal, falling back to the saved value).
 */
export function useSetupForm(action: (state: SetupFormState, form: FormData) => Promise<SetupFormState>) {
  const t = useTranslations("setup");
  const errors = useTranslations("errors");
  const { state, formAction, pending, formKey } = useRemountingAction<SetupFormState>(action, {});
  const lookup = useErrorMessage("setup.errors");
  const message = (code: string) => lookup(code) ?? code;
  return {
    state,
    formAction,
    pending,
    formKey,
    t,
    message,
    error: (field: string) => {
      const tooLarge = state.tooLarge;
      if (tooLarge?.field === field)
        return errors("fileTooLarge", {
          field: t.has(field) ? t(field as "file") : field,
          mb: megabytes(tooLarge.maxBytes),
        });
      return lookup(state.fieldErrors?.[field]);
    },
    value: (field: string, saved?: string | number | null) =>
      state.values?.[field] ?? (saved == null ? "" : String(saved)),
    checked: (field: string, value: string, saved: boolean) =>
      state.lists ? (state.lists[field] ?? []).includes(value) : saved,
  };
}

/** The form-level message after a save: done, refused or stale. */
export function FormStatus({ state, done }: { state: SetupFormState; done?: string }) {
  const t = useTranslations("setup");
  const message = useErrorMessage("setup.errors");
  if (state.error)
    return (
      <p role="alert" className="error">
        {message(state.error)}
      </p>
    );
  if (state.fieldErrors && Object.keys(state.fieldErrors).length)
    return (
      <p role="alert" className="error">
        {t("errors.fixFields")}
      </p>
    );
  return state.done && done ? <p role="status">{done}</p> : null;
}
