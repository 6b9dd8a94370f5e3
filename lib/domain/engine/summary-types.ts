// The shapes of an indicator's summary (lib/domain/engine/summarize.ts): what goes in, what comes out,
// and the lookups its parts share.
import type { Aggregation } from "@/lib/domain/measures";
import type { Change, Interval } from "./confidence";
import type { ExpectedSource, Status, Thresholds } from "./schedule";
import type { CombinedTarget } from "./targets";
import type { Baseline, Direction, Measure, TimeRule } from "./types";

export type SummaryLocation = { id: string; name: string; isoCode: string | null; parentId: string | null };
export type SummaryTime = {
  id: string;
  kind: "period" | "round";
  label: string;
  startDate: Date;
  endDate: Date;
  roundType?: string;
};
export type SummaryTarget = {
  periodId: string | null;
  roundId: string | null;
  locationId: string | null;
  optionId: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** A qualitative target's text. */
  note?: string;
};
export type SummaryDimension = {
  id: string;
  key: string;
  name: string;
  options: { id: string; key: string; name: string }[];
};

export type IndicatorDefinition = {
  id: string;
  code: string;
  title: string;
  unit: string;
  measure: Measure;
  direction: Direction;
  timeRule: TimeRule;
  source: "MONITORING" | "SURVEY";
  baseline: Baseline;
  dimensions: SummaryDimension[];
  /** For composition indicators: the indicator and option whose counts make the percentage. */
  composedFrom: { indicatorId: string; optionId: string } | null;
};

export type SummaryDepth = "overall" | "places" | "full";

export type SummaryContext = {
  project: { start: Date; end: Date; thresholds: Thresholds };
  asOf: Date;
  /** The project's locations; regions name their country as parent when it is in the project. */
  locations: SummaryLocation[];
  times: SummaryTime[];
  /** Summarise only this location and what lies below it (null: the whole project). */
  rootLocationId: string | null;
  /** Summarise only this period or round (undefined or null: all of them). */
  rootTimeId?: string | null;
  /**
   * How much to compute: the overall figure only ("overall": headlines, the trajectory over time), also
   * each place's ("places": a dashboard's first screen), or every figure ("full", the default).
   */
  depth?: SummaryDepth;
  /** Leave out the to-date trajectory of each period (exports, which do not draw it). */
  withoutTrajectory?: boolean;
  /** Which review statuses were counted: approved, plus submitted in a manager's preview. */
  statuses: string[];
};

export type Explanation = {
  /** How values combine: counts add up, percentages are sum(numerators)/sum(denominators), means weighted by n. */
  aggregation: Aggregation;
  /** How time was treated: all periods summed, latest value per location, or one survey round. */
  time: "sumOfPeriods" | "latestPerLocation" | "singleRound";
  resultCount: number;
  locationIds: string[];
  timeIds: string[];
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  statuses: string[];
  asOf: string;
  target: "explicit" | "derivedFromPeriods" | "combinedFromLocations" | "none";
  expected: ExpectedSource | "roundTarget" | "none";
  /** Survey indicators: the round the figure (and its status) refers to. */
  roundId: string | null;
  /** The periods or rounds whose values the status compares with expected-to-date (like with like). */
  comparedTimeIds: string[];
};

export type FigureSummary = {
  target: number | null;
  actual: number | null;
  baseline: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  achievement: number | null;
  expectedToDate: number | null;
  status: Status;
  confidenceInterval: Interval | null;
  explanation: Explanation;
};

export type Warning =
  | { code: "regionalTargetsDoNotAddUp"; overall: number; sumOfLocations: number }
  | { code: "percentageTargetsWithoutDenominators"; locationIds: string[] }
  | { code: "disaggregationExceedsTotal"; dimensionKey: string; total: number; sumOfOptions: number };

/** A qualitative value (or any value's text): what was written for one place and period or round. */
export type Narrative = { locationId: string; timeId: string; optionId: string | null; text: string };

export type IndicatorSummary = {
  indicator: Omit<IndicatorDefinition, "baseline" | "dimensions" | "composedFrom"> & { composite: boolean };
  /** How much was computed: lists beyond it are left empty. */
  depth: SummaryDepth;
  overall: FigureSummary;
  /**
   * Every place in scope, its figure including its sub-places. A place with sub-places also gives the
   * figure of the values recorded at the place itself ("Peru, not by region"; rule 11), null if none.
   */
  byLocation: (FigureSummary & SummaryLocation & { unassigned: FigureSummary | null })[];
  byTime: (FigureSummary & {
    timeId: string;
    kind: "period" | "round";
    label: string;
    endDate: Date;
    change: Change | null;
    /** The overall figure as of this period's or round's end: the trajectory over time. */
    toDate: { actual: number | null; expectedToDate: number | null; target: number | null };
  })[];
  byDimension: {
    dimensionId: string;
    key: string;
    name: string;
    options: (FigureSummary & {
      optionId: string;
      key: string;
      name: string;
      /**
       * The option's figure in each working region (for stacked charts), and at each place with
       * sub-places that has values of its own (`unassigned`, rule 11).
       */
      byLocation: {
        locationId: string;
        unassigned: boolean;
        actual: number | null;
        numerator: number | null;
        denominator: number | null;
      }[];
    })[];
    /** The part of the total not reported under any option (counts, or denominators of percentages). */
    notReported: number | null;
    notReportedByLocation: { locationId: string; unassigned: boolean; value: number | null }[];
  }[];
  /** Qualitative indicators: the latest narrative per place and period or round, latest first. */
  narratives: (Narrative & { label: string; endDate: Date })[];
  /** Qualitative indicators: the text of the life-of-project target for the view's place. */
  targetText: string | null;
  warnings: Warning[];
};

/** `own`: only the values recorded at the place itself, not at its sub-places (rule 11). */
export type Scope = { locationId: string | null; optionId: string | null; timeId?: string; own?: boolean };

export type LifeTarget = { target: CombinedTarget | null; source: Explanation["target"] };
