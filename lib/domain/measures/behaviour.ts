// What a measure type decides, as data: the measure table (./table.ts) holds one of these per measure.
// The figures checked are written out here (a result's and a target's), not imported from the
// schemas, which themselves look measures up in the table.

/**
 * Rule 1 (docs/numbers.md): how values combine across places, periods and options. Counts add up,
 * percentages are the sum of numerators over the sum of denominators, means are weighted by sample
 * size; words are not combined. Rule 2 (targets) follows from it.
 */
export type Aggregation = "sum" | "ratioOfSums" | "weightedMean" | "none";

/** The inputs of an entry cell: the fields of a result a measure is typed in. */
export type EntryField = "value" | "numerator" | "denominator" | "sampleSize" | "textValue";

/** An indicator's own bounds for entered values, and whether they must be whole (null: by unit). */
export type ValueRules = {
  unit?: string;
  minValue?: number | null;
  maxValue?: number | null;
  wholeNumbers?: boolean | null;
};

/** The figure of an entered result (lib/domain/validation/results.ts), as its checks read it. */
export type EnteredResult = {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  weightSum?: number | null;
  textValue?: string | null;
};

/** The figure of an entered target (TargetCell in lib/domain/projects/schemas.ts). */
export type EnteredTarget = {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  note?: string | null;
};

/** Reports one problem of an entered value: the field and a translatable code. */
export type Report<Field extends string> = (field: Field, code: string) => void;

export type MeasureBehaviour = {
  /** Rule 1: how values combine; rule 2 combines targets by the same kind. */
  aggregation: Aggregation;
  /** A figure (combined, compared with targets, given a status) or words (shown as written). */
  value: "number" | "text";
  /** How a figure is written: digits, the suffix after it, and its scale (percentages run 0–100). */
  format: {
    digits: { maximumFractionDigits: number; minimumFractionDigits?: number };
    suffix: string;
    scale: "percent" | "open";
  };
  /** When a value needs its sample size: never, for survey indicators only, or always. */
  sampleSize: "never" | "survey" | "always";
  /** The inputs the entry grid shows for a monitoring and a survey indicator. */
  entryFields: Record<"MONITORING" | "SURVEY", EntryField[]>;
  /** IATI's IndicatorMeasure codelist: the code written for this measure, and the codes read as it. */
  iati: { writes: 1 | 2 | 5; reads: string[] };
};

/**
 * A measure's checks of what is entered, in a table of their own (lib/domain/measures/checks.ts) so that
 * pages that only show figures do not ship them.
 */
export type MeasureChecks = {
  /**
   * The problems of an entered result's figure (after the checks every measure shares: place, time,
   * option, sample size, weights). `weighted`: a sum of weights was given (survey fractions of people).
   */
  resultProblems: (
    input: EnteredResult,
    rules: ValueRules,
    weighted: boolean,
    add: Report<"value" | "numerator" | "denominator" | "weightSum" | "textValue">,
  ) => void;
  /** The problems of a target's figure: the same rules as results, with a lone percentage allowed. */
  targetProblems: (cell: EnteredTarget, add: Report<"value" | "numerator" | "denominator" | "note">) => void;
};
