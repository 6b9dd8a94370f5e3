"use client";
import { useTranslations } from "next-intl";

/**
 * The one lookup of a refusal's message in a form. An action's state names message keys (a DomainError's
 * code becomes one through the code table, lib/domain/errors.ts); `messages` is where a feature keeps
 * them ("setup.errors"). A key without a message is shown as it is, so a missing one is seen, not hidden.
 */
export function useErrorMessage(messages: string) {
  const t = useTranslations();
  return (key: string | null | undefined, values?: Record<string, string | number>): string | null => {
    if (!key) return null;
    const id = `${messages}.${key}`;
    return t.has(id) ? t(id, values) : key;
  };
}
