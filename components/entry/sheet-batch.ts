// What a save of the entry grid sends, and every problem of it found before anything is sent, by the
// server's own rules: what could not be read, what breaks an indicator's rules and, for a submission,
// parts above their total. Pure: the grid's state in, the batch out.
import { addsUp } from "@/lib/domain/measures";
import { type NumberLocale, readTypedNumber } from "@/lib/domain/validation/numbers";
import { partsOverTotal } from "@/lib/domain/validation/parts";
import { resultProblems } from "@/lib/domain/validation/result-rules";
import { cellKey, isBlankCell } from "@/lib/formats/write/typed-values";
import {
  type Cell,
  cellValueOf,
  type Existing,
  emptyCell,
  type Field,
  type GridIndicator,
  isEditable,
} from "./grid-cells";
import { type Bases, versionToSend } from "./offline-sync";

export type Sheet = {
  time: { id: string; kind: "period" | "round" };
  indicators: GridIndicator[];
  locations: { id: string }[];
  /** Saved values by cell key. */
  saved: Map<string, Existing>;
  /** What was typed and not saved yet, by cell key. */
  cells: Record<string, Cell>;
  /** The reader's locale: typed numbers are read in it. */
  locale: NumberLocale;
  /** The version each typed cell was typed over (offline-sync); a cell not named: the one saved now. */
  bases?: Bases;
};

export type SheetItem = {
  indicatorId: string;
  locationId: string;
  optionId: string | null;
  periodId?: string;
  roundId?: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  textValue: string | null;
  version: number | undefined;
};

/** A save: the cell key of each item, the items, and the problems by "key|field" (none: it may be sent). */
export type SheetBatch = { keys: string[]; items: SheetItem[]; problems: Record<string, string> };

export function sheetBatch(sheet: Sheet, submit: boolean): SheetBatch {
  const { cells, saved, time, locale, bases = {} } = sheet;
  const survey = time.kind === "round";
  const at = survey ? { roundId: time.id } : { periodId: time.id };
  const typed = Object.keys(cells).filter((k) => isEditable(saved.get(k)));
  // Submitting sends what the evaluator sees: what was typed, and every saved draft or returned
  // value of the sheet (as saved), not only what changed since the page loaded.
  const kept = submit
    ? [...saved.entries()]
        .filter(([k, row]) => (row.status === "DRAFT" || row.status === "RETURNED") && !cells[k])
        .map(([k]) => k)
    : [];
  const keys = [...typed, ...kept];
  // Read in the reader's locale; what is not a number (or only might be) is marked, not sent.
  const unread: Record<string, string> = {};
  const number = (key: string, field: Field, s: string) => {
    const n = readTypedNumber(s, locale);
    if (typeof n === "number" || n === null) return n;
    unread[`${key}|${field}`] = n === "ambiguous" ? "ambiguous" : "invalid";
    return null;
  };
  const items = keys.map((key): SheetItem => {
    const [indicatorId = "", locationId = "", optionId = ""] = key.split("|");
    const where = { indicatorId, locationId, optionId: optionId || null, ...at };
    const row = saved.get(key);
    if (!cells[key] && row) {
      const { value, numerator, denominator, sampleSize, textValue, version } = row;
      return { ...where, value, numerator, denominator, sampleSize, textValue, version };
    }
    const c = cells[key] ?? emptyCell;
    return {
      ...where,
      value: number(key, "value", c.value),
      numerator: number(key, "numerator", c.numerator),
      denominator: number(key, "denominator", c.denominator),
      sampleSize: number(key, "sampleSize", c.sampleSize),
      textValue: c.textValue.trim() || null,
      version: versionToSend(key, bases, saved),
    };
  });
  return { keys, items, problems: { ...ruleProblems(sheet, keys, items, submit), ...unread } };
}

/** Each item's first problem per field by its indicator's and project's rules, and parts over totals. */
function ruleProblems(sheet: Sheet, keys: string[], items: SheetItem[], submit: boolean): Record<string, string> {
  const { cells, time, indicators, locations } = sheet;
  const survey = time.kind === "round";
  // A blank cell is "no value": never refused, never zero. Sent only to delete a saved draft.
  const blank = new Set(keys.filter((k) => cells[k] && isBlankCell(cells[k])));
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
  if (submit) for (const key of partsAboveTotals(sheet, new Set(keys))) found[`${key}|value`] ??= "partsOverTotal";
  return found;
}

/** Totals (cell keys) of counts whose parts add up to more, among the places and indicators being sent. */
function partsAboveTotals(sheet: Sheet, sent: Set<string>): string[] {
  const { indicators, locations, time, cells, saved, locale } = sheet;
  const figures = indicators.flatMap((indicator) =>
    !addsUp(indicator.measure)
      ? []
      : locations.flatMap((location) =>
          [null, ...indicator.dimensions.flatMap((d) => d.options.map((o) => o.id))].map((optionId) => {
            const read = readTypedNumber(
              cellValueOf(cells, saved, cellKey(indicator.id, location.id, optionId)).value,
              locale,
            );
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
    .map((excess) => cellKey(excess.indicatorId, excess.locationId));
}
