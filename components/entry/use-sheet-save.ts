"use client";
// Sending a checked batch of the entry grid, and what its answer means to the evaluator: the message,
// the cells marked, and what is forgotten or reloaded.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { type SaveOutcome, saveResultsAction } from "@/lib/server/results/actions";
import type { SheetItem } from "./sheet-batch";

export function useSheetSave(projectId: string, onSaved: () => void) {
  const t = useTranslations("entry");
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  /** Sends `items` (cell `keys[i]` for item i): the server's problems are marked at their cells. */
  const send = (keys: string[], items: SheetItem[], submit: boolean) =>
    startTransition(async () => {
      let outcome: SaveOutcome;
      try {
        outcome = await saveResultsAction(projectId, items, submit);
      } catch {
        return setMessage(t("offline"));
      }
      if (outcome.ok) {
        onSaved();
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
        const key = keys[outcome.conflict.index] ?? "";
        setErrors({ [`${key}|value`]: "changed" });
        setMessage(t("conflict", { value: outcome.conflict.value ?? "–" }));
      } else {
        setMessage(t(outcome.message));
      }
    });
  return { errors, setErrors, message, setMessage, pending, send };
}
