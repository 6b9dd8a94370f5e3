// What a project summary is, as the services compute it and the pages, exports and writers read it.
import type { Status } from "@/lib/domain/engine/schedule";
import type { IndicatorSummary, SummaryTime } from "@/lib/domain/engine/summarize";
import type { Measure } from "@/lib/domain/engine/types";

/** A project's figures as of a day: every indicator's summary over its places and periods or rounds. */
export type ProjectSummary = {
  project: { id: string; code: string; name: string; startDate: Date; endDate: Date };
  /** The project's data version the figures were computed at; null for a preview with submitted values. */
  version: number | null;
  asOf: Date;
  locationId: string | null;
  timeId: string | null;
  includesSubmitted: boolean;
  locations: { id: string; name: string; isoCode: string | null; parentId: string | null }[];
  times: SummaryTime[];
  indicators: (IndicatorSummary & { resultNodeId: string })[];
};

export type IndicatorChange = {
  indicatorId: string;
  code: string;
  title: string;
  measure: Measure;
  unit: string | null;
  /** Values approved since, and the places and periods or rounds they are about (by name). */
  values: number;
  places: string[];
  times: string[];
  before: { actual: number | null; status: Status };
  now: { actual: number | null; status: Status };
};

export type ChangesSinceReport = {
  /** The end of the latest reporting period that ended before the as-of day; null when none has. */
  since: Date | null;
  periodLabel: string | null;
  changes: IndicatorChange[];
};

/** A value as JSON carries it: dates become ISO strings, everything else keeps its shape. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** The summary as the browser receives it (the API's JSON, or a page's props): dates as ISO strings. */
export type SummaryJson = Jsonified<ProjectSummary>;
export type { Status };
export type IndicatorJson = SummaryJson["indicators"][number];
export type FigureJson = IndicatorJson["overall"];

/** The summary as JSON, for handing from a server page to the client dashboard. */
export function toSummaryJson(summary: ProjectSummary): SummaryJson {
  return JSON.parse(JSON.stringify(summary)) as SummaryJson;
}
