// Indicator values from survey microdata, by the project's rules: for each indicator, the rows of its
// table (submissions or a repeat group, joined to their submission) that count are grouped by place,
// period or round, and disaggregation option, and reduced to a count, a sum, a share
// (numerator/denominator) or a mean with its sample size. With survey weights, shares and means are
// weighted and the sample size is Kish's effective n, (Σw)² / Σw², which the confidence intervals use.
// Every row left out says why; every problem names its row and column. Pure: no I/O.

import type { Position } from "@/lib/domain/maps/geometry";
import { readGeopoint } from "@/lib/domain/maps/locate";
import { answerNumber, type Clause, conditionHolds, normalAnswer, parseCondition } from "./condition";
import {
  type IndicatorRule,
  measureOfKind,
  type SurveyRules,
  statusOf,
  type ValidationStatus,
  validationStatuses,
} from "./rules";
import { answerOf, resolveColumn, type SurveyFile, type SurveyRow, type SurveyTable, submissionOf } from "./tables";

export type SurveyLookups = {
  /** Places by lower-case ISO code, name and id. */
  places: Map<string, string>;
  /** The place whose outline holds a geopoint [longitude, latitude]; null when no place has an outline. */
  placeAt: ((point: Position) => string | null) | null;
  periods: { id: string; start: string; end: string }[];
  rounds: { id: string; start: string; end: string }[];
  /** Indicators by lower-case code, with their options by dimension (lower-case key and name → id). */
  indicators: Map<
    string,
    { id: string; measure: string; source: string; dimensions: Map<string, Map<string, string>> }
  >;
};

export type SurveyValue = {
  indicatorId: string;
  indicator: string;
  periodId: string | null;
  roundId: string | null;
  locationId: string;
  optionId: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Rows counted, or with survey weights Kish's effective n, unrounded. */
  sampleSize: number | null;
  /** With survey weights, their sum (null without): what the value is pooled by across places. */
  weightSum: number | null;
  /** Rows that make the value, and the first of them (where its problems are named). */
  rows: number;
  firstRow: number;
};

export const leftOutReasons = ["status", "filter", "unanswered", "noParent"] as const;
export type LeftOutReason = (typeof leftOutReasons)[number];
export type LeftOut = {
  indicator: string;
  table: string;
  row: number;
  item?: number;
  reason: LeftOutReason;
  detail?: string;
};
export type SurveyProblem = {
  indicator: string;
  table: string;
  row: number;
  column: string;
  code: string;
  detail?: string;
};

export type SurveyOutcome = {
  submissions: number;
  /** Submissions by validation status, and those whose status counts. */
  statuses: Record<ValidationStatus, number> | null;
  counted: number;
  values: SurveyValue[];
  leftOut: LeftOut[];
  leftOutCount: number;
  problems: SurveyProblem[];
  problemCount: number;
};

const MAX_LISTED = 200;
const statusColumns = ["_validation_status", "ReviewState", "review_state"];

type Sums = { count: number; sx: number; w: number; w2: number; wx: number; yes: number; first: number };

/** Computes every rule's values; nothing is written. */
export function computeSurvey(file: SurveyFile, rules: SurveyRules, look: SurveyLookups): SurveyOutcome {
  const problems: SurveyProblem[] = [];
  let problemCount = 0;
  const problem = (p: SurveyProblem) => {
    problemCount++;
    if (problems.length < MAX_LISTED) problems.push(p);
  };
  const leftOut: LeftOut[] = [];
  let leftOutCount = 0;
  const leave = (l: LeftOut) => {
    leftOutCount++;
    if (leftOut.length < MAX_LISTED) leftOut.push(l);
  };
  const main = file.tables[0];
  const outcome = (values: SurveyValue[], counted: number, statuses: SurveyOutcome["statuses"]): SurveyOutcome => ({
    submissions: main?.rows.length ?? 0,
    statuses,
    counted,
    values,
    leftOut,
    leftOutCount,
    problems,
    problemCount,
  });
  if (!main?.rows.length) {
    problem({ indicator: "", table: "", row: 1, column: "", code: "empty" });
    return outcome([], 0, null);
  }

  // Which submissions count, by their validation status.
  const statusHeader = statusColumns.find((c) => main.headers.includes(c));
  const counts = new Set(rules.statuses);
  let statuses: SurveyOutcome["statuses"] = null;
  const countedSubmissions = new Set<SurveyRow>();
  if (statusHeader)
    statuses = Object.fromEntries(validationStatuses.map((s) => [s, 0])) as Record<ValidationStatus, number>;
  for (const r of main.rows) {
    const status = statusHeader ? statusOf(r.values[statusHeader] ?? "") : null;
    if (statuses && status) statuses[status]++;
    if (!status || counts.has(status)) countedSubmissions.add(r);
  }
  if (countedSubmissions.size === 0) {
    problem({ indicator: "", table: main.name, row: 1, column: statusHeader ?? "", code: "noneCounted" });
    return outcome([], 0, statuses);
  }

  const values: SurveyValue[] = [];
  for (const rule of rules.indicators) {
    values.push(...valuesOf(rule, file, rules, look, countedSubmissions, problem, leave));
  }
  return outcome(values, countedSubmissions.size, statuses);
}

function valuesOf(
  rule: IndicatorRule,
  file: SurveyFile,
  rules: SurveyRules,
  look: SurveyLookups,
  counted: Set<SurveyRow>,
  problem: (p: SurveyProblem) => void,
  leave: (l: LeftOut) => void,
): SurveyValue[] {
  const code = rule.indicator;
  const indicator = look.indicators.get(code.trim().toLowerCase());
  const table = tableOf(file, rule.table);
  const at = (column: string, code: string, detail?: string, row = 1) =>
    problem({ indicator: rule.indicator, table: table?.name ?? rule.table, row, column, code, detail });
  const refuse = (code: string, detail?: string): SurveyValue[] => {
    at("", code, detail);
    return [];
  };
  if (!indicator) return refuse("unknownIndicator", code);
  if (indicator.measure !== measureOfKind[rule.kind]) return refuse("kindNotForMeasure", indicator.measure);
  if (!table) return refuse("unknownTable", rule.table);

  // Every column the rule names, resolved once against the table and the tables above it.
  const columns = new Map<string, string>();
  const resolve = (column: string | undefined) => {
    if (!column) return true;
    const header = resolveColumn(file, table.name, column);
    if (header) columns.set(column, header);
    else at(column, "columnMissing", column);
    return header !== null;
  };
  const parsed = (text: string | undefined, field: string): Clause[] | null => {
    const p = parseCondition(text ?? "");
    if (!p.ok) {
      at(field, "badCondition", p.clause);
      return null;
    }
    return p.clauses.every((c) => resolve(c.column)) ? p.clauses : null;
  };
  const filter = parsed(rule.filter, "filter");
  const condition = parsed(rule.condition, "condition");
  const survey = indicator.source === "SURVEY";
  const dimensions = rules.disaggregations.filter((d) => indicator.dimensions.has(d.dimension));
  const ok = [
    filter,
    condition,
    resolve(rules.place),
    resolve(rule.question),
    resolve(rules.weight),
    rules.date && !fixedTimeOf(rules, survey) ? resolve(rules.date) : true,
    ...dimensions.map((d) => resolve(d.column)),
  ].every((x) => x !== null && x !== false);
  const fixedTime = fixedTimeOf(rules, survey);
  if (!rules.date && !fixedTime) at("", survey ? "roundRequired" : "periodRequired");
  const foreignPlace = rules.placeId && ![...look.places.values()].includes(rules.placeId);
  if (foreignPlace) at("", "unknownPlace", rules.placeId);
  if (!ok || foreignPlace || (!rules.date && !fixedTime)) return [];

  const answer = (row: SurveyRow) => (column: string) => answerOf(row, columns.get(column) ?? column);
  const cells = new Map<
    string,
    {
      key: Omit<SurveyValue, "value" | "numerator" | "denominator" | "sampleSize" | "weightSum" | "rows" | "firstRow">;
      sums: Sums;
    }
  >();
  for (const row of table.rows) {
    const where = { indicator: code, table: table.name, row: row.row, item: row.item };
    if (table.parent && !row.parent) {
      leave({ ...where, reason: "noParent" });
      continue;
    }
    if (!counted.has(submissionOf(row))) {
      leave({ ...where, reason: "status" });
      continue;
    }
    const read = answer(row);
    if (filter?.length && !conditionHolds(filter, read)) {
      leave({ ...where, reason: "filter" });
      continue;
    }
    // The figure this row adds.
    let x = 1;
    let yes = 0;
    if (rule.kind === "share") {
      if (condition?.every((c) => normalAnswer(read(c.column)) === "")) {
        leave({ ...where, reason: "unanswered", detail: condition.map((c) => c.column).join(", ") });
        continue;
      }
      yes = condition && conditionHolds(condition, read) ? 1 : 0;
    } else if (rule.kind === "countWhere") {
      if (!condition || !conditionHolds(condition, read)) continue;
    } else if (rule.kind === "mean" || rule.kind === "sum") {
      const text = read(rule.question ?? "");
      if (normalAnswer(text) === "") {
        leave({ ...where, reason: "unanswered", detail: rule.question });
        continue;
      }
      const n = answerNumber(text);
      if (n === null) {
        at(rule.question ?? "", "notANumber", text, row.row);
        continue;
      }
      x = n;
    }
    // Weights weigh shares and means; a count or a sum is of the rows themselves.
    const weighted = rules.weight && (rule.kind === "share" || rule.kind === "mean");
    let w = 1;
    if (weighted && rules.weight) {
      const n = answerNumber(read(rules.weight));
      if (n === null || n <= 0) {
        at(rules.weight, "badWeight", read(rules.weight), row.row);
        continue;
      }
      w = n;
    }
    // Where and when: one place or time for the whole file, else each row's.
    let locationId = rules.placeId;
    if (!locationId) {
      const placeText = read(rules.place ?? "");
      const place = placeOf(placeText, look);
      if ("problem" in place) {
        at(rules.place ?? "", place.problem, placeText, row.row);
        continue;
      }
      locationId = place.locationId;
    }
    let timeId = fixedTime ?? null;
    if (!timeId && rules.date) {
      const date = /^\d{4}-\d{2}-\d{2}/.exec(read(rules.date).trim())?.[0];
      const spans = survey ? look.rounds : look.periods;
      timeId = date ? (spans.find((s) => s.start <= date && date <= s.end)?.id ?? null) : null;
      if (!timeId) {
        at(rules.date, date ? (survey ? "noRoundForDate" : "noPeriodForDate") : "notADate", read(rules.date), row.row);
        continue;
      }
    }
    const optionIds: (string | null)[] = [null];
    let optionProblem = false;
    for (const d of dimensions) {
      const options = indicator.dimensions.get(d.dimension);
      const text = read(d.column);
      if (normalAnswer(text) === "" || !options) continue;
      let optionId: string | undefined;
      if (d.bands.length) {
        const n = answerNumber(text);
        const band =
          n === null ? undefined : d.bands.find((b) => (b.from ?? -Infinity) <= n && n <= (b.to ?? Infinity));
        optionId = band ? options.get(band.option.toLowerCase()) : undefined;
      } else optionId = options.get(normalAnswer(text));
      if (!optionId) {
        at(d.column, "unknownOption", text, row.row);
        optionProblem = true;
      } else optionIds.push(optionId);
    }
    if (optionProblem) continue;
    for (const optionId of optionIds) {
      const key = [timeId, locationId, optionId ?? ""].join("|");
      let cell = cells.get(key);
      if (!cell) {
        cell = {
          key: {
            indicatorId: indicator.id,
            indicator: code,
            periodId: survey ? null : timeId,
            roundId: survey ? timeId : null,
            locationId,
            optionId,
          },
          sums: { count: 0, sx: 0, w: 0, w2: 0, wx: 0, yes: 0, first: row.row },
        };
        cells.set(key, cell);
      }
      const s = cell.sums;
      s.count++;
      s.sx += x;
      s.w += w;
      s.w2 += w * w;
      s.wx += w * (rule.kind === "share" ? yes : x);
      s.yes += yes;
    }
  }
  return [...cells.values()].map(({ key, sums }) => ({ ...key, ...figures(rule, sums, Boolean(rules.weight)) }));
}

/**
 * A cell's figures from its sums, unrounded (rule 12): with weights a share is Σw·y / Σw and a mean
 * Σw·x / Σw, with Kish's effective n (Σw)² / Σw² and the sum of weights they are pooled by.
 */
function figures(rule: IndicatorRule, s: Sums, weighted: boolean) {
  const base = {
    value: null,
    numerator: null,
    denominator: null,
    sampleSize: null,
    weightSum: null,
    rows: s.count,
    firstRow: s.first,
  };
  const sample = weighted ? { sampleSize: (s.w * s.w) / s.w2, weightSum: s.w } : { sampleSize: s.count };
  switch (rule.kind) {
    case "count":
    case "countWhere":
      return { ...base, value: s.count };
    case "sum":
      return { ...base, value: round(s.sx) };
    case "share":
      return weighted
        ? { ...base, ...sample, numerator: s.wx, denominator: s.w }
        : { ...base, ...sample, numerator: s.yes, denominator: s.count };
    case "mean":
      return { ...base, ...sample, value: s.wx / s.w };
  }
}

/** Floating sums to 10 significant digits, so 0.1 + 0.2 is saved as 0.3. */
function round(n: number): number {
  return Number(n.toPrecision(10));
}

/** The round (survey indicators) or period chosen for the whole file: it wins over a date column. */
function fixedTimeOf(rules: SurveyRules, survey: boolean): string | undefined {
  return survey ? rules.roundId : rules.periodId;
}

function tableOf(file: SurveyFile, name: string): SurveyTable | undefined {
  return name ? file.tables.find((t) => t.name === name) : file.tables[0];
}

/** The place a row names (ISO code, name or id), or for a geopoint the place whose outline holds it. */
function placeOf(text: string, look: SurveyLookups): { locationId: string } | { problem: string } {
  const named = look.places.get(text.trim().toLowerCase());
  if (named) return { locationId: named };
  if (!text.trim()) return { problem: "placeRequired" };
  const point = readGeopoint(text);
  if (!point) return { problem: "unknownPlace" };
  if (!look.placeAt) return { problem: "pointWithoutOutlines" };
  const locationId = look.placeAt(point);
  return locationId ? { locationId } : { problem: "pointOutsidePlaces" };
}
