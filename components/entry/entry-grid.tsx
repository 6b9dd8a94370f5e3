"use client";
import { useLocale, useTranslations } from "next-intl";
import { type ClipboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { TableScroll } from "@/components/ui/table-scroll";
import { addsUp, isRatio } from "@/lib/domain/measures";
import { numberLocale } from "@/lib/domain/validation/numbers";
import { outlierAgainst } from "@/lib/domain/validation/outliers";
import { cellKey } from "@/lib/formats/write/typed-values";
import { CellConflict } from "./cell-conflict";
import { EntryCell } from "./entry-cell";
import {
  asCell,
  cellText,
  type Dimension,
  type Existing,
  emptyCell,
  fieldsOf,
  figureOfCell,
  type GridIndicator,
  isEditable,
  notReported,
  type PreviousValue,
} from "./grid-cells";
import { moveFocus, pasteBlock } from "./grid-navigation";
import { registerOfflineWorker } from "./offline-worker";
import { sheetBatch } from "./sheet-batch";
import { type Theirs, useSheetSave } from "./use-sheet-save";
import { useTypedCells } from "./use-typed-cells";
import { useWaitingSave } from "./use-waiting-save";

type Place = { id: string; name: string };

/**
 * The entry grid of one period or round: indicators x regions, typed per measure. What is typed is kept
 * in this browser until it is saved, so a dropped connection or a reload loses nothing. Saved without a
 * connection, it waits in this browser and is sent when the connection returns (or the page loads
 * online), naming the versions it was typed over: a value changed meanwhile is shown beside it, to choose.
 */
export function EntryGrid({
  projectId,
  userId,
  time,
  indicators,
  locations,
  existing,
  previous,
}: {
  projectId: string;
  /** Who enters: a save waiting in this browser is sent only in its own user's session. */
  userId: string;
  time: { id: string; kind: "period" | "round"; label: string };
  indicators: GridIndicator[];
  locations: Place[];
  existing: Existing[];
  /** The figures of the period or round before this one, to start from. */
  previous?: { label: string; values: PreviousValue[] } | null;
}) {
  const t = useTranslations("entry");
  const locale = numberLocale(useLocale());
  const saved = useMemo(
    () => new Map(existing.map((e) => [cellKey(e.indicatorId, e.locationId, e.optionId), e])),
    [existing],
  );
  const previousByKey = useMemo(
    () => new Map((previous?.values ?? []).map((v) => [cellKey(v.indicatorId, v.locationId, v.optionId), v])),
    [previous],
  );
  const { cells, bases, cellValue, changeMany, forget, keepMine } = useTypedCells(userId, projectId, time.id, saved);
  const { waiting, loaded, wait, done } = useWaitingSave(userId, projectId, time.id);
  const [conflicts, setConflicts] = useState<Record<string, Theirs>>({});
  /** A save of the waiting cells only (when the connection returns), else of everything typed. */
  const syncing = useRef(false);
  const { errors, setErrors, message, setMessage, pending, send } = useSheetSave(projectId, {
    onSaved: (typedKeys) => {
      if (syncing.current) forget(typedKeys);
      else forget();
      done(syncing.current ? typedKeys : undefined);
      setConflicts({});
    },
    onUnreachable: (typedKeys, submit) => wait({ submit, keys: typedKeys, by: userId }),
    onConflict: (key, theirs) => setConflicts((c) => ({ ...c, [key]: theirs })),
  });
  const survey = time.kind === "round";
  const editable = (key: string) => isEditable(saved.get(key));

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
      const key = cellKey(v.indicatorId, v.locationId, v.optionId);
      if (!editable(key) || cells[key] || saved.has(key)) return [];
      return (["value", "numerator", "denominator", "sampleSize", "textValue"] as const).flatMap((field) =>
        v[field] === null ? [] : [{ key, field, value: cellText(v[field]) }],
      );
    });
    changeMany(edits);
    setMessage(t("copiedPrevious", { count: new Set(edits.map((e) => e.key)).size, time: previous.label }));
  };
  /** Every problem of the batch at once, marked at its cell, before anything is sent. */
  const save = (submit: boolean, only?: string[]) => {
    if (pending) return;
    const sent = only ? Object.fromEntries(only.flatMap((k) => (cells[k] ? [[k, cells[k]]] : []))) : cells;
    const batch = sheetBatch({ time, indicators, locations, saved, cells: sent, locale, bases }, submit);
    if (batch.items.length === 0) return only ? done() : setMessage(t("nothingToSave"));
    if (Object.keys(batch.problems).length) {
      setErrors(batch.problems);
      return setMessage(t("notSaved"));
    }
    syncing.current = Boolean(only);
    send(
      batch.keys,
      batch.items,
      submit,
      batch.keys.filter((k) => sent[k]),
    );
  };
  /** The waiting save, sent once there is a connection and no conflict left to choose. */
  const sync = useRef(() => {});
  sync.current = () => {
    if (!waiting || waiting.by !== userId || !navigator.onLine || Object.keys(conflicts).length) return;
    save(waiting.submit, waiting.keys);
  };
  // Once the entry worker is there, this page and its files reload without a connection.
  useEffect(registerOfflineWorker, []);
  useEffect(() => {
    const online = () => sync.current();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, []);
  // On load, what waited since a page without a connection is sent.
  useEffect(() => {
    if (loaded) sync.current();
  }, [loaded]);
  // After a conflict is settled, the rest of the waiting save goes on.
  const [settled, setSettled] = useState(0);
  useEffect(() => {
    if (settled) sync.current();
  }, [settled]);
  const settle = (key: string, keep: "theirs" | "mine") => {
    const theirs = conflicts[key];
    if (!theirs) return;
    if (keep === "theirs") {
      forget([key]);
      done([key]);
    } else keepMine(key, theirs.version);
    setConflicts(({ [key]: _, ...rest }) => rest);
    setMessage(t(keep === "theirs" ? "keptTheirs" : "keptMine"));
    setSettled((n) => n + 1);
  };

  const renderCell = (indicator: GridIndicator, location: Place, option: Place | null, closes: Dimension | null) => {
    const key = cellKey(indicator.id, location.id, option?.id);
    const cell = cellValue(key);
    const gap =
      closes && addsUp(indicator.measure)
        ? notReported(
            cellValue(cellKey(indicator.id, location.id)),
            closes.options.map((o) => cellValue(cellKey(indicator.id, location.id, o.id))),
            locale,
          )
        : null;
    const where = option ? `${indicator.code} ${option.name}, ${location.name}` : `${indicator.code}, ${location.name}`;
    const previousCell = previousByKey.get(key);
    const outlier = previous
      ? outlierAgainst(
          figureOfCell(cell, locale),
          figureOfCell(previousCell ? asCell(previousCell) : emptyCell, locale),
        )
      : null;
    return (
      <EntryCell
        key={location.id}
        projectId={projectId}
        cellKey={key}
        placeId={location.id}
        placeName={location.name}
        where={where}
        fields={fieldsOf(indicator.measure, survey)}
        cell={cell}
        row={saved.get(key)}
        errors={errors}
        pending={pending}
        onChange={(field, value) => changeMany([{ key, field, value }])}
        // The percentage shown live as one types: the figure its numerator and denominator make.
        shownPercent={isRatio(indicator.measure) ? figureOfCell(cell, locale) : null}
        outlier={outlier && previous ? { outlier, time: previous.label } : null}
        gap={gap}
        waiting={Boolean(waiting?.by === userId && waiting.keys.includes(key) && cells[key])}
        conflict={
          conflicts[key] ? (
            <CellConflict
              theirs={conflicts[key]}
              mine={cell}
              where={where}
              onKeepTheirs={() => settle(key, "theirs")}
              onKeepMine={() => settle(key, "mine")}
            />
          ) : null
        }
      />
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
      <TableScroll label={t("caption", { time: time.label })}>
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
      </TableScroll>
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
