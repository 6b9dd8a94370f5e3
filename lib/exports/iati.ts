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
  reportingOrg: { ref: string; name: string };
  countries: { isoCode: string; name: string }[];
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
  const share = p.countries.length ? Math.floor(100 / p.countries.length) : 0;
  const activity = el(
    "iati-activity",
    { "xml:lang": p.language, "last-updated-datetime": generatedAt.toISOString().replace(/\.\d+Z$/, "Z") },
    el("iati-identifier", undefined, `${p.reportingOrg.ref}-${p.code}`),
    el("reporting-org", { ref: p.reportingOrg.ref, type: 21 }, narrative(p.reportingOrg.name)),
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
    ...p.countries.map((c, i) =>
      el("recipient-country", {
        code: c.isoCode,
        percentage: i === 0 ? 100 - share * (p.countries.length - 1) : share,
      }),
    ),
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
    ...(lifeOfProject ? [periodElement(p.startDate, p.endDate, i, p, { scope: "life-of-project" })] : []),
    ...(qualitative ? [] : i.byTime)
      .filter((t) => t.actual !== null || t.target !== null)
      .map((t) => {
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

/**
 * A period: overall target and actual, then per location and per disaggregation option (overall and,
 * for actuals, per location too). Counts behind percentages and sample sizes ride along as extension
 * attributes; numbers derived from others (overall, per option overall) are there for IATI readers.
 */
function periodElement(
  start: Date,
  end: Date,
  i: IndicatorSummary,
  p: IatiProject,
  about: Record<string, string | number | null | undefined>,
): XmlNode {
  const refOf = new Map(p.locations.map((l) => [l.id, l.ref]));
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
  const location = (id: string) => el("location", { ref: refOf.get(id) ?? id });
  const dimension = (key: string, option: string) => el("dimension", { name: key, value: option });
  const regions = regionRows(i);
  const targets = [
    i.overall.target === null ? null : el("target", { value: i.overall.target }),
    ...regions.filter((r) => r.target !== null).map((r) => el("target", { value: r.target }, location(r.id))),
    ...i.byDimension.flatMap((d) =>
      d.options.filter((o) => o.target !== null).map((o) => el("target", { value: o.target }, dimension(d.key, o.key))),
    ),
  ];
  const actuals = [
    i.overall.actual === null ? null : el("actual", { value: i.overall.actual }, counts(i.overall)),
    ...regions
      .filter((r) => r.actual !== null)
      .map((r) => el("actual", { value: r.actual }, location(r.id), counts(r))),
    ...i.byDimension.flatMap((d) =>
      d.options
        .filter((o) => o.actual !== null)
        .flatMap((o) => [
          el("actual", { value: o.actual }, dimension(d.key, o.key), counts(o)),
          ...o.byLocation
            .filter((l) => l.actual !== null)
            .map((l) => el("actual", { value: l.actual }, location(l.locationId), dimension(d.key, o.key), counts(l))),
        ]),
    ),
  ];
  return el(
    "period",
    ext(about),
    el("period-start", { "iso-date": day(start) }),
    el("period-end", { "iso-date": day(end) }),
    ...targets,
    ...actuals,
  );
}
