"use client";
import { useLocale } from "next-intl";
import { useState } from "react";
import { TableScroll } from "@/components/ui/table-scroll";
import type { Measure } from "@/lib/domain/engine/types";
import { addsUp, isRatio, isText } from "@/lib/domain/measures";
import { cellName, parseTargetText } from "@/lib/domain/projects/targets-form";
import { numberLocale } from "@/lib/domain/validation/numbers";
import { targetsAction } from "@/lib/server/projects/actions";
import { FormStatus, useSetupForm } from "./use-setup-form";

export type GridCell = {
  periodId: string | null;
  roundId: string | null;
  locationId: string | null;
  optionId: string | null;
};
export type GridTarget = GridCell & { text: string; updatedAt: string | null };

type Row = { key: string; label: string; periodId: string | null; roundId: string | null };
type Column = { key: string; label: string; locationId: string | null; optionId: string | null };

/**
 * The targets of one indicator: rows are the life of the project and each period or round, columns are
 * overall and each place (or each option). For counts, the places' sum is shown live next to the
 * overall target, so a mismatch is seen while typing.
 */
export function TargetsGrid({
  projectId,
  indicatorId,
  measure,
  rows,
  placeColumns,
  optionColumns,
  targets,
}: {
  projectId: string;
  indicatorId: string;
  measure: Measure;
  rows: Row[];
  placeColumns: Column[];
  optionColumns: Column[];
  targets: GridTarget[];
}) {
  const { state, formAction, formKey, pending, t, message } = useSetupForm(targetsAction.bind(null, projectId));
  const saved = (cell: GridCell) =>
    targets.find(
      (x) =>
        x.periodId === cell.periodId &&
        x.roundId === cell.roundId &&
        x.locationId === cell.locationId &&
        x.optionId === cell.optionId,
    );
  const [typed, setTyped] = useState<Record<string, string>>({});
  const locale = numberLocale(useLocale());
  const textOf = (name: string, cell: GridCell) => typed[name] ?? state.values?.[name] ?? saved(cell)?.text ?? "";
  const sumOfPlaces = (row: Row) => {
    if (!addsUp(measure)) return null;
    let sum = 0;
    let any = false;
    for (const c of placeColumns.filter((c) => c.locationId)) {
      const cell = { periodId: row.periodId, roundId: row.roundId, locationId: c.locationId, optionId: null };
      const parsed = parseTargetText(textOf(cellName({ indicatorId, ...cell }), cell), measure, locale);
      if (typeof parsed === "object" && parsed.value != null) {
        sum += parsed.value;
        any = true;
      }
    }
    return any ? sum : null;
  };
  const table = (columns: Column[], caption: string, withSum: boolean) => (
    <TableScroll label={caption}>
      <table className="data targets-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
            {withSum && <th scope="col">{t("sumOfPlaces")}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const sum = withSum ? sumOfPlaces(row) : null;
            const overallCell = { periodId: row.periodId, roundId: row.roundId, locationId: null, optionId: null };
            const overall = parseTargetText(
              textOf(cellName({ indicatorId, ...overallCell }), overallCell),
              measure,
              locale,
            );
            const mismatch =
              sum !== null &&
              typeof overall === "object" &&
              overall.value != null &&
              Math.abs(overall.value - sum) > 1e-9;
            return (
              <tr key={row.key} data-row={row.label}>
                <th scope="row">{row.label}</th>
                {columns.map((c) => {
                  const cell = {
                    periodId: row.periodId,
                    roundId: row.roundId,
                    locationId: c.locationId,
                    optionId: c.optionId,
                  };
                  const name = cellName({ indicatorId, ...cell });
                  const current = saved(cell);
                  const problem = state.fieldErrors?.[name];
                  return (
                    <td key={c.key}>
                      <input type="hidden" name={`o${name.slice(1)}`} value={current?.text ?? ""} />
                      <input type="hidden" name={`r${name.slice(1)}`} value={current?.updatedAt ?? ""} />
                      <input
                        name={name}
                        aria-label={`${row.label} · ${c.label}`}
                        inputMode={isText(measure) ? "text" : "decimal"}
                        defaultValue={textOf(name, cell)}
                        aria-invalid={Boolean(problem)}
                        title={problem ? message(problem) : undefined}
                        onChange={(e) => setTyped((prev) => ({ ...prev, [name]: e.target.value }))}
                      />
                      {problem && <span className="error">{message(problem)}</span>}
                    </td>
                  );
                })}
                {withSum && (
                  <td data-col="sum" className={mismatch ? "error" : undefined}>
                    {sum ?? "–"}
                    {mismatch && <span role="status"> {t("sumMismatch")}</span>}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} done={t("targetsSaved")} />
      <input type="hidden" name={`m|${indicatorId}`} value={measure} />
      <p className="muted">{t(isRatio(measure) ? "targetsHelpPercent" : "targetsHelp")}</p>
      {table(placeColumns, t("targetsByPlace"), addsUp(measure))}
      {optionColumns.length > 0 && table(optionColumns, t("targetsByOption"), false)}
      <button className="button" type="submit" disabled={pending}>
        {t("saveTargets")}
      </button>
    </form>
  );
}
