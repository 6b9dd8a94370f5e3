"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Outlier } from "@/lib/domain/validation/outliers";
import { type Cell, type Existing, type Field, isEditable } from "./grid-cells";
import { ValueHistory } from "./value-history";

/**
 * One place's cell of an indicator (or of one of its options): an input per field of the measure,
 * each with its problem, then the live percentage, the review status, the history and the warnings.
 */
export function EntryCell({
  projectId,
  cellKey,
  placeId,
  placeName,
  where,
  fields,
  cell,
  row,
  errors,
  pending,
  onChange,
  shownPercent,
  outlier,
  gap,
  waiting,
  conflict,
}: {
  projectId: string;
  cellKey: string;
  placeId: string;
  placeName: string;
  /** The cell in words, for its inputs' names: "OP1.1 Female, Callao". */
  where: string;
  fields: Field[];
  cell: Cell;
  /** Its saved value, if any. */
  row: Existing | undefined;
  /** Problems by "key|field". */
  errors: Record<string, string>;
  pending: boolean;
  onChange: (field: Field, value: string) => void;
  /** The percentage its numerator and denominator make, shown as one types (null: none). */
  shownPercent: number | null;
  /** How far it is from the previous period's or round's figure, when that is said. */
  outlier: { outlier: Outlier; time: string } | null;
  /** Of the last option of a count's dimension: what the options leave of the total (null: nothing to say). */
  gap: number | null;
  /** Saved without a connection: waits in this browser to be sent. */
  waiting: boolean;
  /** Someone else's value beside what was typed, to choose from (null: none). */
  conflict: ReactNode;
}) {
  const t = useTranslations("entry");
  const format = useFormatter();
  const waitingId = `${cellKey}-waiting`.replace(/[^\w-]/g, "_");
  return (
    <td data-location={placeName}>
      {fields.map((field) => {
        const error = errors[`${cellKey}|${field}`];
        const errorId = `${cellKey}-${field}-error`.replace(/[^\w-]/g, "_");
        return (
          <div key={field} className="entry-field">
            <span aria-hidden="true" className="muted">
              {t(`fields.${field}`)}
            </span>
            <input
              data-key={cellKey}
              data-field={field}
              data-place={placeId}
              aria-label={`${t(`fields.${field}`)}: ${where}`}
              inputMode={field === "textValue" ? "text" : "decimal"}
              value={cell[field]}
              disabled={!isEditable(row)}
              readOnly={pending}
              aria-invalid={Boolean(error)}
              aria-describedby={[error ? errorId : "", waiting ? waitingId : ""].join(" ").trim() || undefined}
              onChange={(e) => onChange(field, e.target.value)}
            />
            {error && (
              <span id={errorId} className="error">
                {t(`errors.${error.split(":")[0]}` as "errors.required")}
              </span>
            )}
          </div>
        );
      })}
      {waiting && (
        <span id={waitingId} className="waiting-sync" data-waiting={where}>
          <span aria-hidden="true">⟳ </span>
          {t("waitingCell")}
        </span>
      )}
      {conflict}
      {shownPercent !== null && (
        <span className="muted">{format.number(shownPercent, { maximumFractionDigits: 1 })} %</span>
      )}
      {row && (
        <span className={`review-status review-${row.status}`}>{t(`statuses.${row.status}` as "statuses.DRAFT")}</span>
      )}
      {row?.status === "RETURNED" && row.reviewComment && <span className="returned">“{row.reviewComment}”</span>}
      {row && <ValueHistory projectId={projectId} resultId={row.id} label={where} />}
      {outlier && (
        <span className="warning" data-outlier={placeName}>
          {t(outlier.outlier.direction === "higher" ? "outlierHigher" : "outlierLower", {
            time: outlier.time,
            value: format.number(outlier.outlier.previous, { maximumFractionDigits: 1 }),
          })}
        </span>
      )}
      {gap !== null && (
        <span className={gap < 0 ? "error gap" : "muted gap"} data-gap={placeName}>
          {gap < 0 ? t("overTotal", { count: -gap }) : t("notReported", { count: gap })}
        </span>
      )}
    </td>
  );
}
