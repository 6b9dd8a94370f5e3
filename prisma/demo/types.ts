// The shape of the demo data: declarative, so a reader can check each figure against its source.
import type {
  DataSource,
  Direction,
  Measure,
  Provenance,
  ReportingFrequency,
  ResultLevel,
  ReviewStatus,
  RoundType,
  SurveyMode,
  TimeRule,
} from "@/lib/generated/prisma/enums";

/** A figure: a value, or numerator and denominator for percentages, or text for qualitative indicators. */
export type Figure = { value?: number; numerator?: number; denominator?: number; sampleSize?: number; text?: string };

export type DemoTarget = Figure & {
  /** "lop" for life of project, else a period label or a round key. */
  when: string;
  location?: string;
  /** "dimension:option", e.g. "sex:female". */
  option?: string;
  provenance: Provenance;
  note?: string;
};

export type DemoResult = Figure & {
  when: string;
  location: string;
  option?: string;
  status: ReviewStatus;
  provenance: Provenance;
  note?: string;
};

export type DemoIndicator = {
  code: string;
  title: string;
  definition?: string;
  unit?: string;
  measure: Measure;
  direction?: Direction;
  timeRule?: TimeRule;
  source?: DataSource;
  baseline?: Figure & { provenance: Provenance; note?: string };
  dimensions?: string[];
  /** For composition percentages: "INDICATOR-CODE:dimension:option". */
  composedFrom?: string;
  meansOfVerification?: string;
  targets: DemoTarget[];
  results: DemoResult[];
};

export type DemoNode = {
  code: string;
  level: ResultLevel;
  title: string;
  parent?: string;
  indicators: DemoIndicator[];
};

export type DemoProject = {
  code: string;
  name: string;
  summary: string;
  donor: string;
  partners: string[];
  startDate: string;
  endDate: string;
  reportingFrequency: ReportingFrequency;
  languages: string[];
  sourceNote: string;
  locations: string[];
  periods: { label: string; startDate: string; endDate: string; locked?: boolean }[];
  rounds: {
    key: string;
    type: RoundType;
    name: string;
    startDate: string;
    endDate: string;
    mode: SurveyMode;
    plannedSampleSize?: number;
    achievedSampleSize?: number;
    notes?: string;
  }[];
  nodes: DemoNode[];
};
