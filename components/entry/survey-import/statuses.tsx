"use client";
import { useTranslations } from "next-intl";
import { validationStatuses } from "@/lib/domain/survey/rules";
import type { Draft } from "./draft";
import { FillIn } from "./fields";

type Props = {
  draft: Draft;
  change: (next: Partial<Draft>) => void;
  /** Submissions by validation status in the file; null when it has none. */
  inFile: Record<string, number> | null | undefined;
  invalid: Record<string, string> | undefined;
};

/** Which validation statuses count, each with how many submissions of the file have it. */
export function StatusesFields({ draft, change, inFile, invalid }: Props) {
  const t = useTranslations("surveyImport");
  return (
    <fieldset className="field">
      <legend>{t("statusesTitle")}</legend>
      {inFile ? (
        validationStatuses.map((s) => (
          <label key={s} style={{ display: "block" }}>
            <input
              type="checkbox"
              checked={draft.statuses.includes(s)}
              onChange={(e) =>
                change({
                  statuses: e.target.checked ? [...draft.statuses, s] : draft.statuses.filter((x) => x !== s),
                })
              }
            />{" "}
            {t(`statuses.${s}`)} ({t("inFile", { count: inFile[s] ?? 0 })})
          </label>
        ))
      ) : (
        <p className="muted">{t("noStatus")}</p>
      )}
      <FillIn invalid={invalid} path="statuses" />
    </fieldset>
  );
}
