// The project's results framework as an IATI 2.03 activity file: results with their type, indicators with
// measure and direction, baselines, periods with targets and actuals overall, per location and per
// disaggregation option. Every number comes from the indicator engine's summaries. Pure: no I/O.

import { regionRows } from "@/lib/domain/engine/regions";
import type { IndicatorSummary } from "@/lib/domain/engine/summarize";
import { isRatio, isText, measureTable } from "@/lib/domain/measures";
import { clean, type IatiKept, type KeptXml, narrativesOf } from "@/lib/domain/projects/iati-kept";
import type { ProjectSummary } from "@/lib/domain/summary/types";
import { el, renderXml, type XmlNode } from "@/lib/formats/xml/write";
import { IATI_EXTENSION_NS } from "./namespace";

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
  /** An imported activity's elements the app does not model, written back as published. */
  kept: IatiKept | null;
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
      /**
       * A qualitative indicator's targets in words, overall (location null) or per place, by the id of
       * their period or round, or "lop" for the life of the project.
       */
      textTargets?: Record<string, { locationId: string | null; text: string }[]>;
    }
  >;
  rounds: Record<
    string,
    { type: string; mode: string; plannedSampleSize: number | null; achievedSampleSize: number | null }
  >;
  /** The project's published studies, each written as a document-link. */
  documents?: IatiDocument[];
};

/** A study as an IATI document-link: where it is read, its titles by language, category, languages, date. */
export type IatiDocument = {
  url: string;
  /** The document's media type (IATI FileFormat), e.g. application/pdf; text/html for a page. */
  format: string;
  titles: { language: string; title: string }[];
  /** IATI DocumentCategory codes, e.g. A07 (review of project performance and evaluation). */
  categories: string[];
  languages: string[];
  /** YYYY-MM-DD, or null when the study gives no date. */
  date: string | null;
};

/** An attribute of the app's own namespace (lib/formats/iati/namespace.ts). */
const ext = (attrs: Record<string, string | number | null | undefined>) =>
  Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`me:${k}`, v]));

/** IATI codelists: ResultType, ActivityStatus, ActivityDateType, OrganisationRole (IndicatorMeasure: the measure table). */
const resultType = { OUTPUT: 1, OUTCOME: 2, IMPACT: 3 } as const;

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
  const kept = (name: string) => (p.kept?.elements ?? []).filter((e) => e.name === name);
  const summary = draft ? `DRAFT: includes submitted results not yet approved. ${p.summary}` : p.summary;
  const isSummary = (e: KeptXml) => (e.attributes.type ?? "1") === "1";
  const keptDescriptions = kept("description");
  const keptOrgs = kept("participating-org");
  const keptOrgNames = new Set(keptOrgs.flatMap((o) => narrativesOf(o, p.language).map((n) => n.text)));
  const ownOrgs = [
    { role: 1, name: p.donor || (keptOrgs.length ? "" : p.reportingOrg.name) },
    ...p.partners.map((name) => ({ role: 4, name })),
  ].filter((o) => o.name && !keptOrgNames.has(clean(o.name)));
  const activity = el(
    "iati-activity",
    {
      ...p.kept?.attributes,
      "xml:lang": p.language,
      "last-updated-datetime": generatedAt.toISOString().replace(/\.\d+Z$/, "Z"),
    },
    el("iati-identifier", undefined, p.identifier),
    // The publisher's reporting organisation as published (its names in every language), while it is the same.
    kept("reporting-org")
      .filter((o) => o.attributes.ref === p.reportingOrg.ref)
      .map(keptNode)[0] ??
      el(
        "reporting-org",
        { ref: p.reportingOrg.ref, type: p.reportingOrg.type },
        narrative(p.reportingOrg.name || p.reportingOrg.ref),
      ),
    withText(kept("title")[0], p.language, p.name) ?? el("title", undefined, narrative(p.name)),
    // An imported activity's descriptions of every type and language as published, its summary as edited here.
    ...(keptDescriptions.some(isSummary) || !p.kept
      ? []
      : summary
        ? [el("description", { type: 1 }, narrative(summary))]
        : []),
    ...keptDescriptions.map((d) => (isSummary(d) ? (withText(d, p.language, summary) ?? null) : keptNode(d))),
    ...(p.kept ? [] : [el("description", { type: 1 }, narrative(summary || p.name))]),
    ...keptOrgs.map(keptNode),
    ...ownOrgs.map((o) => el("participating-org", { role: o.role }, narrative(o.name))),
    el("activity-status", { code: status }),
    ...activityDates(kept("activity-date"), day(p.startDate), day(p.endDate)),
    ...p.countries.map((c) => el("recipient-country", { code: c.isoCode, percentage: c.percentage ?? undefined })),
    ...kept("recipient-region").map(keptNode),
    ...p.locations.map((l) => el("location", { ref: l.ref }, el("name", undefined, narrative(l.name)))),
    ...kept("document-link").map(keptNode),
    ...(p.documents ?? []).map(documentLink),
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

/**
 * The activity's dates as published (planned and actual, with their narratives) while the project's
 * start and end are still among them; else the project's own, as planned dates.
 */
function activityDates(kept: KeptXml[], start: string, end: string): XmlNode[] {
  const on = (types: string[], date: string) =>
    kept.some((d) => types.includes(d.attributes.type ?? "") && d.attributes["iso-date"] === date);
  if (on(["1", "2"], start) && on(["3", "4"], end)) return kept.map(keptNode);
  return [el("activity-date", { "iso-date": start, type: 1 }), el("activity-date", { "iso-date": end, type: 3 })];
}

/** A study's document-link, its children in the order the schema asks (title, category, language, date). */
function documentLink(d: IatiDocument): XmlNode {
  return el(
    "document-link",
    { format: d.format, url: d.url },
    el("title", undefined, ...d.titles.map((t) => narrative(t.title, t.language))),
    ...d.categories.map((code) => el("category", { code })),
    ...d.languages.map((code) => el("language", { code })),
    d.date ? el("document-date", { "iso-date": d.date }) : null,
  );
}

/** A kept element as it was published. */
function keptNode(k: KeptXml): XmlNode {
  return el(k.name, k.attributes, ...(k.children.length ? k.children.map(keptNode) : [k.text ?? null]));
}

/**
 * A kept title or description with the text the project has now in its own language: unchanged when
 * that text is one of its narratives (a title empty in one language was read from another), else put
 * in the narrative of the project's language (added when there is none). Undefined when none was kept.
 */
function withText(k: KeptXml | undefined, lang: string, text: string): XmlNode | undefined {
  if (!k) return undefined;
  const narratives = narrativesOf(k, lang);
  if (!clean(text) || narratives.some((n) => n.text === clean(text))) return keptNode(k);
  const own = k.attributes["xml:lang"] ?? lang;
  const index = k.children.findIndex((c) => c.name === "narrative" && (c.attributes["xml:lang"] ?? own) === lang);
  const children =
    index >= 0
      ? k.children.map((c, i) => (i === index ? { ...c, text, children: [] } : c))
      : [
          ...k.children,
          { name: "narrative", attributes: own === lang ? {} : { "xml:lang": lang }, text, children: [] },
        ];
  return keptNode({ ...k, children });
}

/**
 * A result's or indicator's title and description (the code travels in an extension attribute or as the
 * indicator's reference), in every language it was published in, with its texts as edited here; then its
 * document links and references as published, the indicator's own reference first.
 */
function ownParts(
  kept: KeptXml[] | undefined,
  lang: string,
  title: string,
  description: string,
  reference?: Record<string, string>,
): XmlNode[] {
  const part = (name: string) => (kept ?? []).find((k) => k.name === name);
  const keptDescription = part("description");
  return [
    withText(part("title"), lang, title) ?? el("title", undefined, narrative(title)),
    keptDescription
      ? (withText(keptDescription, lang, description) ?? null)
      : description
        ? el("description", undefined, narrative(description))
        : null,
    ...(kept ?? []).filter((k) => k.name === "document-link").map(keptNode),
    reference ? el("reference", reference) : null,
    ...(kept ?? []).filter((k) => k.name === "reference").map(keptNode),
  ].filter((n): n is XmlNode => n !== null);
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
      ...ownParts(input.project.kept?.results[node.code], input.project.language, node.title, node.description),
      ...indicators.map((i) => indicatorElement(input, i)),
    ),
  ];
}

function indicatorElement(input: IatiInput, i: IndicatorSummary & { resultNodeId: string }): XmlNode {
  const { project: p, overall } = input;
  const meta = p.indicators[i.indicator.id];
  const qualitative = isText(i.indicator.measure);
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
      measure: measureTable[i.indicator.measure].iati.writes,
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
    ...ownParts(p.kept?.indicators[i.indicator.code], p.language, i.indicator.title, meta?.definition ?? "", {
      vocabulary: "99",
      code: i.indicator.code,
    }),
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
  const textTargets = p.indicators[i.indicator.id]?.textTargets ?? {};
  const targets = (key: string) =>
    (textTargets[key] ?? [])
      .filter((t) => t.text.trim())
      .map((t) => el("target", undefined, t.locationId ? placeRef(p, t.locationId) : null, text(t.text.trim())));
  const periods: XmlNode[] = [];
  const lifeOfProject = p.indicators[i.indicator.id]?.textTargets
    ? targets("lop")
    : i.targetText
      ? [el("target", undefined, text(i.targetText))]
      : [];
  if (lifeOfProject.length)
    periods.push(
      el(
        "period",
        ext({ scope: "life-of-project" }),
        el("period-start", { "iso-date": day(p.startDate) }),
        el("period-end", { "iso-date": day(p.endDate) }),
        ...lifeOfProject,
      ),
    );
  for (const time of overall.times) {
    const texts = i.narratives.filter((n) => n.timeId === time.id);
    const ofTime = targets(time.id);
    if (!texts.length && !ofTime.length) continue;
    periods.push(
      el(
        "period",
        ext({ label: time.label }),
        el("period-start", { "iso-date": day(time.startDate) }),
        el("period-end", { "iso-date": day(time.endDate) }),
        ...ofTime,
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
  const percentage = isRatio(i.indicator.measure);
  // IATI allows no foreign attributes on <actual>, but a foreign child element after the others.
  const counts = (f: { numerator: number | null; denominator: number | null; sampleSize?: number | null }) => {
    const attrs = {
      numerator: percentage ? f.numerator : null,
      denominator: percentage ? f.denominator : null,
      "sample-size": measureTable[i.indicator.measure].sampleSize === "never" ? null : (f.sampleSize ?? null),
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
