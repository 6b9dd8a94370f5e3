"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { Cell } from "./grid-cells";
import type { Theirs } from "./use-sheet-save";

/**
 * A cell someone else changed since the evaluator typed over it: their value and what was typed, side by
 * side, and a choice. Nothing is overwritten until the evaluator keeps theirs or keeps their own.
 */
export function CellConflict({
  theirs,
  mine,
  where,
  onKeepTheirs,
  onKeepMine,
}: {
  theirs: Theirs;
  mine: Cell;
  where: string;
  onKeepTheirs: () => void;
  onKeepMine: () => void;
}) {
  const t = useTranslations("entry.conflictChoice");
  const format = useFormatter();
  const number = (n: number | null) => (n === null ? "–" : format.number(n, { maximumFractionDigits: 2 }));
  const theirText =
    theirs.numerator !== null || theirs.denominator !== null
      ? `${number(theirs.numerator)} / ${number(theirs.denominator)}`
      : number(theirs.value);
  const mineText =
    mine.numerator.trim() || mine.denominator.trim()
      ? `${mine.numerator || "–"} / ${mine.denominator || "–"}`
      : mine.value.trim() || mine.textValue.trim() || "–";
  return (
    <fieldset className="cell-conflict" aria-label={t("label", { where })} data-conflict={where}>
      <legend>{t("title")}</legend>
      <dl>
        <div>
          <dt>{t("theirs")}</dt>
          <dd data-theirs>{theirText}</dd>
        </div>
        <div>
          <dt>{t("mine")}</dt>
          <dd data-mine>{mineText}</dd>
        </div>
      </dl>
      <button type="button" className="button secondary" onClick={onKeepTheirs}>
        {t("keepTheirs")}
      </button>{" "}
      <button type="button" className="button secondary" onClick={onKeepMine}>
        {t("keepMine")}
      </button>
    </fieldset>
  );
}
