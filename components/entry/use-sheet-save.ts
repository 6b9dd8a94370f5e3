"use client";
// Sending a checked batch of the entry grid, and what its answer means to the evaluator: the message,
// the cells marked, and what is forgotten, kept waiting for the connection, or reloaded.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { type SaveOutcome, saveResultsAction } from "@/lib/server/results/actions";
import type { SheetItem } from "./sheet-batch";

/** Someone else's value in a cell the evaluator typed over: nothing of the batch was saved. */
export type Theirs = { value: number | null; numerator: number | null; denominator: number | null; version: number };

export type SaveAnswers = {
  /** Saved: the typed cells sent. */
  onSaved: (typedKeys: string[]) => void;
  /** No connection: the typed cells wait in this browser. */
  onUnreachable: (typedKeys: string[], submit: boolean) => void;
  /** Changed by someone else since it was typed over. */
  onConflict: (key: string, theirs: Theirs) => void;
};

export function useSheetSave(projectId: string, answers: SaveAnswers) {
  const t = useTranslations("entry");
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  /**
   * Sends `items` (cell `keys[i]` for item i; `typedKeys` those typed): the server's problems are marked at
   * their cells. Without a connection, the typed cells wait in this browser instead.
   */
  const send = (keys: string[], items: SheetItem[], submit: boolean, typedKeys: string[]) =>
    startTransition(async () => {
      const unreachable = () => {
        answers.onUnreachable(typedKeys, submit);
        setErrors({});
        setMessage(t("waitingToSync", { count: typedKeys.length }));
      };
      if (!navigator.onLine) return unreachable();
      let outcome: SaveOutcome;
      try {
        outcome = await saveResultsAction(projectId, items, submit);
      } catch {
        return unreachable();
      }
      if (outcome.ok) {
        answers.onSaved(typedKeys);
        setErrors({});
        const done = t(submit ? "submitted" : "savedDraft", { count: outcome.saved.length });
        const cleared = t("cleared", { count: outcome.cleared });
        if (!outcome.cleared) setMessage(done);
        else setMessage(outcome.saved.length ? `${done} ${cleared}` : cleared);
        router.refresh();
      } else if ("problems" in outcome) {
        if (outcome.problems.some((p) => p.code === "locked")) {
          // Locked since the page opened: the page then offers what was typed for download.
          setMessage(t("lockedWhileTyping"));
          return router.refresh();
        }
        setErrors(Object.fromEntries(outcome.problems.map((p) => [`${keys[p.index]}|${p.field}`, p.code])));
        setMessage(t("notSaved"));
      } else if ("conflict" in outcome) {
        const { index, ...theirs } = outcome.conflict;
        answers.onConflict(keys[index] ?? "", theirs);
        setErrors({});
        setMessage(t("conflict"));
        // Their value and version, shown in the cell beside what was typed.
        router.refresh();
      } else {
        setMessage(t(outcome.message));
      }
    });
  return { errors, setErrors, message, setMessage, pending, send };
}
