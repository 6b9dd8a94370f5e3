// The project's results framework as an IATI 2.03 activity file: results with their type, indicators with
// measure and direction, baselines, periods with targets and actuals overall, per location and per
// disaggregation option. Every number comes from the indicator engine's summaries. Pure: no I/O.
import { regionRows } from "@/lib/indicators/regions";
import type { IndicatorSummary } from "@/lib/indicators/summary";
import type { ProjectSummary } from "@/lib/summary/service";
import { el, renderXml, type XmlNode } from "./xml";

export type IatiProject = {
  code: string;
  name: string;
  summary: string;
  donor: string;
  partners: string[];
  startDate: Date;
  endDate: Date;
  language: string;
  /** The activity's identifier: its source file's, or the instance's prefix and the project code. */
  identifier: string;
  reportingOrg: { ref: string; name: string; type?: string };
  /** Recipient countries with their share when the source gave one (never invented). */
  countries: { isoCode: string; name: string; percentage: number | null }[];
  locations: { ref: string; name: string; id: string }[];
  resultNodes: {
    id: string;
    level: "IMPACT" | "OUTCOME" | "OUTPUT";
    code: string;
    title: string;
    description: string;
    parentCode: string | null;
  }[];
  indicators: Record<
    string,
    {
      definition: string;
      baselineDate: Date | null;
      baselineNumerator: number | null;
      baselineDenominator: number | null;
      /** The baseline in words (qualitative indicators), or a comment on the figure. */
      baselineNote: string;
      /** "INDICATOR-CODE:dimension:option" for composition percentages. */
      composedFrom: string | null;
    }
  >;
  rounds: Record<
    string,
    { type: string; mode: string; plannedSampleSize: number | null; achievedSampleSize: number | null }
  >;
};

/**
 * What IATI has no element for (measure kind, time rule, source, counts behind percentages, sample sizes,
 * survey rounds) travels in attributes of this namespace, which the schema allows on these elements, so
 * the app can re-import its own files with the same numbers. Other IATI tools ignore them.
 */
export const IATI_EXTENSION_NS = "urn:me-dashboard:iati-extension:1";
const ext = (attrs: Record<string, string | number | null | undefined>) =>
  Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`me:${k}`, v]));

/** IATI codelists: ResultType, IndicatorMeasure, ActivityStatus, ActivityDateType, OrganisationRole. */
const resultType = { OUTPUT: 1, OUTCOME: 2, IMPACT: 3 } as const;
const indicatorMeasure = { COUNT: 1, PERCENTAGE: 2, MEAN: 1, QUALITATIVE: 5 } as const;

const day = (d: Date) => d.toISOString().slice(0, 10);
const narrative = (text: string, lang?: string) => el("narrative", lang ? { "xml:lang": lang } : undefined, text);

export type IatiInput = {
  project: IatiProject;
  /** The summary over the whole project (life-of-project figures). */
  overall: ProjectSummary;
  /** One summary per period or round, by its id (figures of that period only). */
  byTime: Map<string, ProjectSummary>;
  generatedAt: Date;
  draft: boolean;
};

export function iatiActivityXml(input: IatiInput): string {
  const { project: p, generatedAt, draft } = input;
  const status = p.endDate < generatedAt ? 3 : p.startDate > generatedAt ? 1 : 2;
  const activity = el(
    "iati-activity",
    { "xml:lang": p.language, "last-updated-datetime": generatedAt.toISOString().replace(/\.\d+Z$/, "Z") },
    el("iati-identifier", undefined, p.identifier),
    el(
      "reporting-org",
      { ref: p.reportingOrg.ref, type: p.reportingOrg.type },
      narrative(p.reportingOrg.name || p.reportingOrg.ref),
    ),
    el("title", undefined, narrative(p.name)),
    el(
      "description",
      { type: 1 },
      narrative(draft ? `DRAFT: includes submitted results not yet approved. ${p.summary}` : p.summary || p.name),
    ),
    el("participating-org", { role: 1 }, narrative(p.donor || p.reportingOrg.name)),
    ...p.partners.map((partner) => el("participating-org", { role: 4 }, narrative(partner))),
    el("activity-status", { code: status }),
    el("activity-date", { "iso-date": day(p.startDate), type: 1 }),
    el("activity-date", { "iso-date": day(p.endDate), type: 3 }),
    ...p.countries.map((c) => el("recipient-country", { code: c.isoCode, percentage: c.percentage ?? undefined })),
    ...p.locations.map((l) => el("location", { ref: l.ref }, el("name", undefined, narrative(l.name)))),
    ...p.resultNodes.flatMap((node) => resultElement(input, node)),
  );
  const root = el(
    "iati-activities",
    {
      version: "2.03",
      "generated-datetime": generatedAt.toISOString().replace(/\.\d+Z$/, "Z"),
      "xmlns:me": IATI_EXTENSION_NS,
    },
    activity,
  );
  const note = draft ? "<!-- DRAFT export: includes submitted results not yet approved -->\n" : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n${note}${renderXml(root)}\n`;
}

function resultElement(input: IatiInput, node: IatiProject["resultNodes"][number]): XmlNode[] {
  const indicators = input.overall.indicators.filter((i) => i.resultNodeId === node.id);
  if (indicators.length === 0) return []; // IATI requires at least one indicator per result
  return [
    el(
      "result",
      {
        type: resultType[node.level],
        "aggregation-status": true,
        ...ext({ code: node.code, parent: node.parentCode }),
      },
      el("title", undefined, narrative(node.title)), // the code travels in the extension attribute
      node.description ? el("description", undefined, narrative(node.description)) : null,
      ...indicators.map((i) => indicatorElement(input, i)),
    ),
  ];
}

function indicatorElement(input: IatiInput, i: IndicatorSummary & { resultNodeId: string }): XmlNode {
  const { project: p, overall } = input;
  const meta = p.indicators[i.indicator.id];
  const qualitative = i.indicator.measure === "QUALITATIVE";
  const baseline = i.overall.baseline;
  const baselineDate = meta?.baselineDate ?? p.startDate;
  const baselineNote = meta?.baselineNote.trim() ?? "";
  /** The baseline's figure with its note as a comment; a qualitative indicator's baseline in words as its value. */
  const baselineElement = () => {
    const when = { year: baselineDate.getUTCFullYear(), "iso-date": day(baselineDate) };
    if (qualitative) return baselineNote ? el("baseline", { ...when, value: baselineNote }) : null;
    if (baseline === null) return null;
    return el(
      "baseline",
      {
        ...when,
        value: baseline,
        ...ext({ numerator: meta?.baselineNumerator, denominator: meta?.baselineDenominator }),
      },
      baselineNote ? el("comment", undefined, narrative(baselineNote)) : null,
    );
  };
  const lifeOfProject = i.indicator.source === "MONITORING" && !qualitative;
  return el(
    "indicator",
    {
      measure: indicatorMeasure[i.indicator.measure],
      ascending: qualitative ? undefined : i.indicator.direction === "INCREASE",
      "aggregation-status": !qualitative,
      ...ext({
        measure: i.indicator.measure,
        "time-rule": i.indicator.timeRule,
        source: i.indicator.source,
        unit: i.indicator.unit || undefined,
        "composed-from": meta?.composedFrom ?? undefined,
        dimensions: i.byDimension.map((d) => d.key).join(" ") || undefined,
      }),
    },
    el("title", undefined, narrative(i.indicator.title)), // the code travels as its reference
    meta?.definition ? el("description", undefined, narrative(meta.definition)) : null,
    el("reference", { vocabulary: "99", code: i.indicator.code }),
    baselineElement(),
    // The life of the project carries its targets only: its actuals are the periods' own, written there.
    ...(lifeOfProject ? [periodElement(p.startDate, p.endDate, i, p, { scope: "life-of-project" }, false)] : []),
    ...(qualitative ? qualitativePeriods(input, i) : []),
    // Every period or round with something recorded (a value of an option alone counts too).
    ...(qualitative ? [] : i.byTime).map((t) => {
      const time = overall.times.find((x) => x.id === t.timeId);
      const ofTime = input.byTime.get(t.timeId)?.indicators.find((x) => x.indicator.id === i.indicator.id);
      if (!time || !ofTime) return null;
      const round = p.rounds[time.id];
      return periodElement(time.startDate, time.endDate, ofTime, p, {
        label: time.label,
        "round-type": round?.type,
        "round-mode": round?.mode,
        "planned-sample-size": round?.plannedSampleSize,
        "achieved-sample-size": round?.achievedSampleSize,
      });
    }),
  );
}

/** A place as a result's location: its reference in the activity's `<location>` list. */
function placeRef(p: IatiProject, id: string): XmlNode {
  return el("location", { ref: p.locations.find((l) => l.id === id)?.ref ?? id });
}

/**
 * A qualitative indicator's texts: its life-of-project target, then per period or round the latest
 * approved text of each place, each in the comment where the standard puts qualitative values.
 */
function qualitativePeriods(input: IatiInput, i: IndicatorSummary): XmlNode[] {
  const { project: p, overall } = input;
  const text = (t: string) => el("comment", undefined, narrative(t));
  const periods: XmlNode[] = [];
  if (i.targetText)
    periods.push(
      el(
        "period",
        ext({ scope: "life-of-project" }),
        el("period-start", { "iso-date": day(p.startDate) }),
        el("period-end", { "iso-date": day(p.endDate) }),
        el("target", undefined, text(i.targetText)),
      ),
    );
  for (const time of overall.times) {
    const texts = i.narratives.filter((n) => n.timeId === time.id);
    if (!texts.length) continue;
    periods.push(
      el(
        "period",
        ext({ label: time.label }),
        el("period-start", { "iso-date": day(time.startDate) }),
        el("period-end", { "iso-date": day(time.endDate) }),
        ...texts.map((n) => el("actual", undefined, placeRef(p, n.locationId), text(n.text))),
      ),
    );
  }
  return periods;
}

/**
 * A period: overall target, per location and per disaggregation option, then each value once, where
 * it was recorded: per place (a working region, or a place's own values) and per place and option.
 * No total or per-option sum is written beside them, so a reader adding up actuals counts each once.
 * Counts behind percentages and sample sizes ride along as extension attributes.
 */
function periodElement(
  start: Date,
  end: Date,
  i: IndicatorSummary,
  p: IatiProject,
  about: Record<string, string | number | null | undefined>,
  withActuals = true,
): XmlNode | null {
  const percentage = i.indicator.measure === "PERCENTAGE";
  // IATI allows no foreign attributes on <actual>, but a foreign child element after the others.
  const counts = (f: { numerator: number | null; denominator: number | null; sampleSize?: number | null }) => {
    const attrs = {
      numerator: percentage ? f.numerator : null,
      denominator: percentage ? f.denominator : null,
      "sample-size": i.indicator.measure === "COUNT" ? null : (f.sampleSize ?? null),
    };
    return Object.values(attrs).some((v) => v !== null) ? el("me:counts", attrs) : null;
  };
  const location = (id: string) => placeRef(p, id);
  const dimension = (key: string, option: string) => el("dimension", { name: key, value: option });
  const regions = regionRows(i);
  const workingRegions = new Set(regions.filter((r) => r.ownValuesOf === null).map((r) => r.id));
  const targets = [
    i.overall.target === null ? null : el("target", { value: i.overall.target }),
    ...regions.filter((r) => r.target !== null).map((r) => el("target", { value: r.target }, location(r.id))),
    ...i.byDimension.flatMap((d) =>
      d.options.filter((o) => o.target !== null).map((o) => el("target", { value: o.target }, dimension(d.key, o.key))),
    ),
  ];
  const actuals = withActuals
    ? [
        ...regions
          .filter((r) => r.actual !== null)
          .map((r) => el("actual", { value: r.actual }, location(r.id), counts(r))),
        ...i.byDimension.flatMap((d) =>
          d.options.flatMap((o) =>
            o.byLocation
              .filter((l) => l.actual !== null && workingRegions.has(l.locationId))
              .map((l) =>
                el("actual", { value: l.actual }, location(l.locationId), dimension(d.key, o.key), counts(l)),
              ),
          ),
        ),
      ]
    : [];
  // A period with nothing to say is not written (a life of the project without targets).
  if (!targets.some(Boolean) && !actuals.length) return null;
  return el(
    "period",
    ext(about),
    el("period-start", { "iso-date": day(start) }),
    el("period-end", { "iso-date": day(end) }),
    ...targets,
    ...actuals,
  );
}
