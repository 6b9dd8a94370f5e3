"use client";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { type ClipboardEvent, useEffect, useMemo, useState, useTransition } from "react";
import { percent } from "@/lib/domain/engine/aggregate";
import type { Measure } from "@/lib/domain/engine/types";
import { addsUp, isRatio, measureTable } from "@/lib/domain/measures";
import { numberLocale, readTypedNumber } from "@/lib/domain/validation/numbers";
import { outlierAgainst } from "@/lib/domain/validation/outliers";
import { partsOverTotal } from "@/lib/domain/validation/parts";
import { resultProblems } from "@/lib/domain/validation/result-rules";
import {
  cellKey,
  isBlankCell,
  parseTypedValues,
  type TypedCell,
  typedValuesKey,
} from "@/lib/formats/write/typed-values";
import { type SaveOutcome, saveResultsAction } from "@/lib/server/results/actions";
import { moveFocus, pasteBlock } from "./grid-navigation";
import { ValueHistory } from "./value-history";

type Dimension = { id: string; name: string; options: { id: string; name: string }[] };
type Indicator = {
  id: string;
  code: string;
  title: string;
  measure: Measure;
  unit: string;
  minValue: number | null;
  maxValue: number | null;
  wholeNumbers: boolean | null;
  dimensions: Dimension[];
};
type Existing = {
  id: string;
  indicatorId: string;
  locationId: string;
  optionId: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  textValue: string | null;
  status: string;
  version: number;
  reviewComment: string | null;
};
type PreviousValue = Pick<
  Existing,
  "indicatorId" | "locationId" | "optionId" | "value" | "numerator" | "denominator" | "sampleSize" | "textValue"
>;
type Cell = TypedCell;
type Field = keyof Cell;

const empty: Cell = { value: "", numerator: "", denominator: "", sampleSize: "", textValue: "" };
const keyOf = cellKey;
const text = (v: number | string | null) => (v === null ? "" : String(v));
/** A saved value as the grid shows it. */
const asCell = (r: Omit<PreviousValue, "indicatorId" | "locationId" | "optionId">): Cell => ({
  value: text(r.value),
  numerator: text(r.numerator),
  denominator: text(r.denominator),
  sampleSize: text(r.sampleSize),
  textValue: r.textValue ?? "",
});

function fieldsOf(measure: Measure, survey: boolean): Field[] {
  return measureTable[measure].entryFields[survey ? "SURVEY" : "MONITORING"];
}

/**
 * The entry grid of one period or round: indicators x regions, typed per measure. What is typed is kept
 * in this browser until it is saved, so a dropped connection or a reload loses nothing.
 */
export function EntryGrid({
  projectId,
  time,
  indicators,
  locations,
  existing,
  previous,
}: {
  projectId: string;
  time: { id: string; kind: "period" | "round"; label: string };
  indicators: Indicator[];
  locations: { id: string; name: string }[];
  existing: Existing[];
  /** The figures of the period or round before this one, to start from. */
  previous?: { label: string; values: PreviousValue[] } | null;
}) {
  const t = useTranslations("entry");
  const locale = numberLocale(useLocale());
  const format = useFormatter();
  const router = useRouter();
  const storageKey = typedValuesKey(projectId, time.id);
  const saved = useMemo(
    () => new Map(existing.map((e) => [keyOf(e.indicatorId, e.locationId, e.optionId), e])),
    [existing],
  );
  const [cells, setCells] = useState<Record<string, Cell>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const survey = time.kind === "round";

  // What this browser kept, read leniently; a blank cell with nothing saved behind it is no change.
  useEffect(() => {
    const kept = parseTypedValues(window.localStorage.getItem(storageKey));
    for (const [key, cell] of Object.entries(kept)) if (isBlankCell(cell) && !saved.has(key)) delete kept[key];
    setCells(kept);
  }, [storageKey, saved]);

  const cellValue = (key: string): Cell => {
    const typed = cells[key];
    if (typed) return typed;
    const row = saved.get(key);
    return row ? asCell(row) : empty;
  };
  const change = (key: string, field: Field, input: string) => changeMany([{ key, field, value: input }]);
  /** Typed values, kept in this browser at once so that a reload or a dropped connection loses nothing. */
  const changeMany = (edits: { key: string; field: string; value: string }[]) => {
    const next = { ...cells };
    for (const { key, field, value } of edits) {
      next[key] = { ...(next[key] ?? cellValue(key)), [field]: value };
      // Emptied with nothing saved behind it: no value, nothing to send.
      if (isBlankCell(next[key]) && !saved.has(key)) delete next[key];
    }
    setCells(next);
    window.localStorage.setItem(storageKey, JSON.stringify(next));
  };
  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const pasted = pasteBlock(event);
    if (!pasted) return;
    changeMany(pasted.cells);
    setMessage(t("pasted", { count: pasted.cells.length, skipped: pasted.skipped }));
  };
  /** Empty cells that may take a value start from the previous period's (or round's) figures. */
  const copyPrevious = () => {
    if (!previous) return;
    const edits = previous.values.flatMap((v) => {
      const key = keyOf(v.indicatorId, v.locationId, v.optionId);
      if (!editable(key) || cells[key] || saved.has(key)) return [];
      return (["value", "numerator", "denominator", "sampleSize", "textValue"] as const).flatMap((field) =>
        v[field] === null ? [] : [{ key, field, value: text(v[field]) }],
      );
    });
    changeMany(edits);
    setMessage(t("copiedPrevious", { count: new Set(edits.map((e) => e.key)).size, time: previous.label }));
  };
  const editable = (key: string) => {
    const status = saved.get(key)?.status;
    return !status || status === "DRAFT" || status === "RETURNED";
  };

  const save = (submit: boolean) => {
    if (pending) return;
    const typed = Object.keys(cells).filter((k) => editable(k));
    // Submitting sends what the evaluator sees: what was typed, and every saved draft or returned
    // value of the sheet (as saved), not only what changed since the page loaded.
    const kept = submit
      ? [...saved.entries()]
          .filter(([k, row]) => (row.status === "DRAFT" || row.status === "RETURNED") && !cells[k])
          .map(([k]) => k)
      : [];
    const keys = [...typed, ...kept];
    // A blank cell is "no value": never refused, never zero. Sent only to delete a saved draft.
    const blank = new Set(keys.filter((k) => cells[k] && isBlankCell(cells[k])));
    // Read in the reader's locale; what is not a number (or only might be) is marked, not sent.
    const unread: Record<string, string> = {};
    const number = (key: string, field: Field, s: string) => {
      const n = readTypedNumber(s, locale);
      if (typeof n === "number" || n === null) return n;
      unread[`${key}|${field}`] = n === "ambiguous" ? "ambiguous" : "invalid";
      return null;
    };
    const items = keys.map((key) => {
      const [indicatorId = "", locationId = "", optionId = ""] = key.split("|");
      const row = saved.get(key);
      if (!cells[key] && row) {
        const { value, numerator, denominator, sampleSize, textValue, version } = row;
        const at = survey ? { roundId: time.id } : { periodId: time.id };
        return {
          indicatorId,
          locationId,
          optionId: optionId || null,
          ...at,
          value,
          numerator,
          denominator,
          sampleSize,
          textValue,
          version,
        };
      }
      const c = cells[key] ?? empty;
      return {
        indicatorId,
        locationId,
        optionId: optionId || null,
        ...(survey ? { roundId: time.id } : { periodId: time.id }),
        value: number(key, "value", c.value),
        numerator: number(key, "numerator", c.numerator),
        denominator: number(key, "denominator", c.denominator),
        sampleSize: number(key, "sampleSize", c.sampleSize),
        textValue: c.textValue.trim() || null,
        version: saved.get(key)?.version,
      };
    });
    if (items.length === 0) return setMessage(t("nothingToSave"));
    // Every problem of the batch at once, by the server's own rules: what could not be read, what
    // breaks an indicator's rules and, for a submission, parts above their total.
    const found: Record<string, string> = {};
    const projectRules = {
      periodIds: new Set(survey ? [] : [time.id]),
      roundIds: new Set(survey ? [time.id] : []),
      locationIds: new Set(locations.map((l) => l.id)),
    };
    items.forEach((item, index) => {
      const indicator = indicators.find((i) => i.id === item.indicatorId);
      if (!indicator || blank.has(keys[index] ?? "")) return;
      const rules = {
        measure: indicator.measure,
        source: survey ? ("SURVEY" as const) : ("MONITORING" as const),
        unit: indicator.unit,
        minValue: indicator.minValue,
        maxValue: indicator.maxValue,
        wholeNumbers: indicator.wholeNumbers,
        optionIds: new Set(indicator.dimensions.flatMap((d) => d.options.map((o) => o.id))),
      };
      for (const p of resultProblems(item, rules, projectRules)) found[`${keys[index]}|${p.field}`] ??= p.code;
    });
    if (submit) for (const key of partsAboveTotals(new Set(keys))) found[`${key}|value`] ??= "partsOverTotal";
    Object.assign(found, unread);
    if (Object.keys(found).length) {
      setErrors(found);
      return setMessage(t("notSaved"));
    }
    startTransition(async () => {
      let outcome: SaveOutcome;
      try {
        outcome = await saveResultsAction(projectId, items, submit);
      } catch {
        return setMessage(t("offline"));
      }
      if (outcome.ok) {
        window.localStorage.removeItem(storageKey);
        setCells({});
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
  };

  const previousByKey = useMemo(
    () => new Map((previous?.values ?? []).map((v) => [keyOf(v.indicatorId, v.locationId, v.optionId), v])),
    [previous],
  );
  const previousCell = (key: string): Cell => {
    const v = previousByKey.get(key);
    return v ? asCell(v) : empty;
  };
  /** The figure a cell stands for: its percentage, or its value (null when there is none to read). */
  const figureOfCell = (c: Cell): number | null => {
    const read = (s: string) => {
      const n = readTypedNumber(s, locale);
      return typeof n === "number" ? n : null;
    };
    const [n, d] = [read(c.numerator), read(c.denominator)];
    if (n !== null && d !== null) return d > 0 ? percent(n, d) : null;
    return read(c.value);
  };

  /** Totals (cell keys) of counts whose parts add up to more, among the places and indicators being sent. */
  const partsAboveTotals = (sent: Set<string>): string[] => {
    const figures = indicators.flatMap((indicator) =>
      !addsUp(indicator.measure)
        ? []
        : locations.flatMap((location) =>
            [null, ...indicator.dimensions.flatMap((d) => d.options.map((o) => o.id))].map((optionId) => {
              const read = readTypedNumber(cellValue(keyOf(indicator.id, location.id, optionId)).value, locale);
              return {
                indicatorId: indicator.id,
                locationId: location.id,
                timeId: time.id,
                optionId,
                value: typeof read === "number" ? read : null,
              };
            }),
          ),
    );
    const dimensionOf = new Map(
      indicators.flatMap((i) => i.dimensions.flatMap((d) => d.options.map((o) => [o.id, d.id]))),
    );
    const sentPlaces = new Set([...sent].map((key) => key.split("|").slice(0, 2).join("|")));
    return partsOverTotal(figures, (optionId) => dimensionOf.get(optionId))
      .filter((excess) => sentPlaces.has(`${excess.indicatorId}|${excess.locationId}`))
      .map((excess) => keyOf(excess.indicatorId, excess.locationId));
  };

  /** Rule 8 while typing: the part of a count total that the dimension's options leave out. */
  const notReported = (indicator: Indicator, locationId: string, dimension: Dimension): number | null => {
    if (!addsUp(indicator.measure)) return null;
    const total = cellValue(keyOf(indicator.id, locationId)).value;
    const parts = dimension.options.map((o) => cellValue(keyOf(indicator.id, locationId, o.id)).value);
    const read = (s: string) => {
      const n = readTypedNumber(s, locale);
      return typeof n === "number" ? n : null;
    };
    const whole = read(total);
    if (whole === null || parts.every((p) => read(p) === null)) return null;
    return whole - parts.reduce((sum, p) => sum + (read(p) ?? 0), 0);
  };

  const renderCell = (
    indicator: Indicator,
    location: { id: string; name: string },
    option: { id: string; name: string } | null,
    closesDimension: Dimension | null,
  ) => {
    const key = keyOf(indicator.id, location.id, option?.id);
    const cell = cellValue(key);
    const row = saved.get(key);
    // The percentage shown live as one types: the figure its numerator and denominator make.
    const shownPercent = isRatio(indicator.measure) ? figureOfCell(cell) : null;
    const gap = closesDimension ? notReported(indicator, location.id, closesDimension) : null;
    const outlier = previous ? outlierAgainst(figureOfCell(cell), figureOfCell(previousCell(key))) : null;
    const where = option ? `${indicator.code} ${option.name}, ${location.name}` : `${indicator.code}, ${location.name}`;
    return (
      <td key={location.id} data-location={location.name}>
        {fieldsOf(indicator.measure, survey).map((field) => {
          const error = errors[`${key}|${field}`];
          const errorId = `${key}-${field}-error`.replace(/[^\w-]/g, "_");
          return (
            <div key={field} className="entry-field">
              <span aria-hidden="true" className="muted">
                {t(`fields.${field}`)}
              </span>
              <input
                data-key={key}
                data-field={field}
                data-place={location.id}
                aria-label={`${t(`fields.${field}`)}: ${where}`}
                inputMode={field === "textValue" ? "text" : "decimal"}
                value={cell[field]}
                disabled={!editable(key)}
                readOnly={pending}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) => change(key, field, e.target.value)}
              />
              {error && (
                <span id={errorId} className="error">
                  {t(`errors.${error.split(":")[0]}` as "errors.required")}
                </span>
              )}
            </div>
          );
        })}
        {shownPercent !== null && (
          <span className="muted">{format.number(shownPercent, { maximumFractionDigits: 1 })} %</span>
        )}
        {row && (
          <span className={`review-status review-${row.status}`}>
            {t(`statuses.${row.status}` as "statuses.DRAFT")}
          </span>
        )}
        {row?.status === "RETURNED" && row.reviewComment && <span className="returned">“{row.reviewComment}”</span>}
        {row && <ValueHistory projectId={projectId} resultId={row.id} label={where} />}
        {outlier && previous && (
          <span className="warning" data-outlier={location.name}>
            {t(outlier.direction === "higher" ? "outlierHigher" : "outlierLower", {
              time: previous.label,
              value: format.number(outlier.previous, { maximumFractionDigits: 1 }),
            })}
          </span>
        )}
        {gap !== null && (
          <span className={gap < 0 ? "error gap" : "muted gap"} data-gap={location.name}>
            {gap < 0 ? t("overTotal", { count: -gap }) : t("notReported", { count: gap })}
          </span>
        )}
      </td>
    );
  };

  return (
    <div className="entry">
      <p className="muted">
        {t("intro", { time: time.label })} {t("keys")}
      </p>
      {previous && previous.values.length > 0 && (
        <p className="no-print">
          <button type="button" className="button secondary" onClick={copyPrevious}>
            {t("copyPrevious", { time: previous.label })}
          </button>
        </p>
      )}
      <div className="table-scroll">
        <table className="data entry-grid" onKeyDown={moveFocus} onPaste={onPaste}>
          <caption>{t("caption", { time: time.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("indicator")}</th>
              {locations.map((l) => (
                <th key={l.id} scope="col">
                  {l.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indicators.flatMap((indicator) => [
              <tr key={indicator.id} data-indicator={indicator.code}>
                <th scope="row">
                  {indicator.code} {indicator.title}
                </th>
                {locations.map((location) => renderCell(indicator, location, null, null))}
              </tr>,
              ...indicator.dimensions.flatMap((dimension) =>
                dimension.options.map((option, index) => (
                  <tr
                    key={`${indicator.id}-${option.id}`}
                    className="option-row"
                    data-option={`${indicator.code}|${option.name}`}
                  >
                    <th scope="row">
                      <span className="muted">
                        {dimension.name}: {option.name}
                      </span>
                    </th>
                    {locations.map((location) =>
                      renderCell(
                        indicator,
                        location,
                        option,
                        index === dimension.options.length - 1 ? dimension : null,
                      ),
                    )}
                  </tr>
                )),
              ),
            ])}
          </tbody>
        </table>
      </div>
      <p className="entry-actions">
        {/* aria-disabled, not disabled, while saving: a disabled button drops the keyboard focus to the page. */}
        <button type="button" className="button secondary" aria-disabled={pending} onClick={() => save(false)}>
          {t("saveDraft")}
        </button>
        <button type="button" className="button" aria-disabled={pending} onClick={() => save(true)}>
          {t("submit")}
        </button>
      </p>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
    </div>
  );
}
