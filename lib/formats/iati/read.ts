// Reads one activity of an IATI 2.03 file into a project definition: results and indicators, baselines,
// periods with targets and actuals, locations and dimensions. What the standard allows but the app cannot
// hold is reported as a warning naming the element; what makes the file unusable is a problem. The app's
// own extension attributes (lib/formats/iati/write.ts) restore what IATI has no place for, so its exports
// re-import with the same numbers. Pure: no I/O.

import type { Measure } from "@/lib/domain/engine/types";
import { addsUp, isPercent, isRatio, isText, measures, measureTable, parseMeasure } from "@/lib/domain/measures";
import type { ProjectDefinitionInput } from "@/lib/domain/projects/definition";
import { LIFE_OF_PROJECT } from "@/lib/domain/projects/definition";
import type { KeptXml } from "@/lib/domain/projects/iati-kept";
import {
  KEPT_ELEMENTS,
  keep,
  MODELLED_ELEMENTS,
  narrativesOf,
  OWN_ACTIVITY_ATTRIBUTES,
  RESULT_KEPT_ELEMENTS,
} from "@/lib/domain/projects/iati-kept";
import { slugKey } from "@/lib/domain/projects/schemas";
import { IATI_EXTENSION_NS } from "@/lib/formats/iati/namespace";
import type { ImportIssue } from "@/lib/formats/read/issues";
import { child, children, narrative, parseXml, type XmlElement, XmlSyntaxError } from "@/lib/formats/xml/tree";

type Definition = ProjectDefinitionInput;
type NodeDef = NonNullable<Definition["nodes"]>[number];
type IndicatorDef = NonNullable<NodeDef["indicators"]>[number];
type Cell = NonNullable<IndicatorDef["targets"]>[number];

export type IatiReading = {
  activities: { identifier: string; title: string }[];
  definition: Definition | null;
  problems: ImportIssue[];
  warnings: ImportIssue[];
  /** The element a definition path came from: "nodes.1.indicators.0.code" → ".../result[2]/indicator[1]". */
  locate: (path: string) => string;
};

const resultLevel: Record<string, "OUTPUT" | "OUTCOME" | "IMPACT"> = { "1": "OUTPUT", "2": "OUTCOME", "3": "IMPACT" };
/** IATI's IndicatorMeasure codes, each read as the measure whose row in the measure table lists it. */
const measureOf = new Map(measures.flatMap((m) => measureTable[m].iati.reads.map((code) => [code, m] as const)));
/** A measure IATI does not say (an unknown code) is read as words, and said so in the warnings. */
const unknownMeasureReadAs: Measure = "QUALITATIVE";
const isoCountry = /^[A-Z]{2}$/;
const isoRegion = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** A number as publishers write it: "1,300.00" included. Null when it is not one. */
export function readNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const trimmed = text.trim().replace(/\s*%$/, "");
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return null;
  return Number(plain);
}

/** A dimension or option key from its published name. */
export const slug = (text: string): string => slugKey(text) || "x";

export function readIati(xml: string, options: { activity?: string; code?: string } = {}): IatiReading {
  const problems: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const locate = (path: string) => path;
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    const line = error instanceof XmlSyntaxError ? error.line : undefined;
    const code = error instanceof XmlSyntaxError ? error.code : "xmlSyntax";
    return {
      activities: [],
      definition: null,
      problems: [{ where: "file", line, code }],
      warnings,
      locate,
    };
  }
  const top = child(root, "iati-activities");
  const activities = children(top, "iati-activity");
  const list = activities.map((a) => ({
    identifier: child(a, "iati-identifier")?.text.trim() ?? "",
    title: narrative(child(a, "title")),
  }));
  if (!top || activities.length === 0) {
    return { activities: list, definition: null, problems: [{ where: "file", code: "notIati" }], warnings, locate };
  }
  const version = top.attributes.version;
  if (version && !version.startsWith("2."))
    warnings.push({ where: "iati-activities", code: "version", detail: version });
  // 2.01 and 2.02 files read with the 2.03 rules (which add to them), said rather than silently.
  else if (version && version !== "2.03") {
    warnings.push({ where: "iati-activities", code: "olderVersion", detail: version });
  }
  const index = options.activity ? list.findIndex((a) => a.identifier === options.activity) : 0;
  const activity = activities[index];
  if (!activity) {
    return {
      activities: list,
      definition: null,
      problems: [{ where: "activity", code: "unknownActivity", detail: options.activity }],
      warnings,
      locate,
    };
  }
  if (activities.length > 1 && !options.activity) {
    warnings.push({ where: "iati-activities", code: "severalActivities", detail: list[0]?.identifier });
  }
  const prefix = Object.entries(top.attributes).find(
    ([k, v]) => k.startsWith("xmlns:") && v === IATI_EXTENSION_NS,
  )?.[0];
  const ns = prefix ? prefix.slice("xmlns:".length) : null;
  const reader = new ActivityReader(activity, `iati-activity[${index + 1}]`, ns, problems, warnings);
  const definition = reader.read(options.code);
  const elementOf = (path: string) =>
    path
      .replace(/^nodes\.(\d+)/, (_, i) => `${reader.path}/result[${Number(i) + 1}]`)
      .replace(/\.indicators\.(\d+)/, (_, i) => `/indicator[${Number(i) + 1}]`);
  return {
    activities: list,
    definition: problems.length ? null : definition,
    problems,
    warnings,
    locate: elementOf,
  };
}

class ActivityReader {
  private readonly lang: string;
  private readonly locations = new Map<string, NonNullable<Definition["newLocations"]>[number]>();
  private readonly projectLocations = new Set<string>();
  private readonly dimensions = new Map<string, { key: string; name: string; options: Map<string, string> }>();
  /**
   * Reporting periods as published, by their end date: the earliest start of those ending then, the
   * first one's label and element. They become the project's periods in settlePeriods().
   */
  private readonly periodEnds = new Map<string, { start: string; label: string; where: string; e: XmlElement }>();
  private readonly rounds = new Map<string, NonNullable<Definition["rounds"]>[number]>();
  /** Indicators read so far by code: publishers list one indicator under several results. */
  private readonly indicatorsByCode = new Map<string, IndicatorDef>();
  private fallback: { ref: string; name: string } = { ref: "whole-activity", name: "Whole activity" };
  /** Results' and indicators' texts, document links and references as published, by code. */
  private readonly keptResults: Record<string, KeptXml[]> = {};
  private readonly keptIndicators: Record<string, KeptXml[]> = {};
  /** Recipient countries' shares as the file gives them (none invented). */
  private readonly countryPercentages: Record<string, number> = {};

  constructor(
    private readonly activity: XmlElement,
    readonly path: string,
    private readonly ns: string | null,
    private readonly problems: ImportIssue[],
    private readonly warnings: ImportIssue[],
  ) {
    this.lang = activity.attributes["xml:lang"] ?? "en";
  }

  /** A text in the activity's language; when empty there, another language's (never the identifier). */
  private text(list: { lang: string; text: string }[]): string {
    return list.find((n) => n.lang === this.lang && n.text)?.text ?? list.find((n) => n.text)?.text ?? "";
  }

  private ext(e: XmlElement | undefined, name: string): string | undefined {
    return this.ns ? e?.attributes[`${this.ns}:${name}`] : undefined;
  }

  private problem(where: string, e: XmlElement | undefined, code: string, detail?: string) {
    this.problems.push({ where, line: e?.line, code, detail });
  }

  private warn(where: string, e: XmlElement | undefined, code: string, detail?: string) {
    this.warnings.push({ where, line: e?.line, code, detail });
  }

  read(codeOverride?: string): Definition {
    const a = this.activity;
    const identifier = child(a, "iati-identifier")?.text.trim() ?? "";
    const orgRef = child(a, "reporting-org")?.attributes.ref ?? "";
    const code = codeOverride ?? projectCode(identifier, orgRef);
    const dates = children(a, "activity-date");
    const dateOf = (...types: string[]) =>
      types.map((t) => dates.find((d) => d.attributes.type === t)?.attributes["iso-date"]).find(Boolean);
    const startDate = dateOf("2", "1");
    const endDate = dateOf("4", "3");
    if (!startDate) this.problem(`${this.path}/activity-date`, a, "startDateMissing");
    if (!endDate) this.problem(`${this.path}/activity-date`, a, "endDateMissing");
    const orgs = children(a, "participating-org");
    const orgName = (o: XmlElement) => narrative(o, this.lang) || o.attributes.ref || "";
    const titles = narrativesOf(child(a, "title") ?? emptyElement, this.lang);
    const summaries = narrativesOf(
      children(a, "description").find((d) => (d.attributes.type ?? "1") === "1") ?? emptyElement,
      this.lang,
    );
    const inOwnLanguage = (list: { lang: string; text: string }[]) => this.text(list);
    const languages = [
      this.lang,
      ...new Set(
        [...titles, ...children(a, "description").flatMap((d) => narrativesOf(d, this.lang))]
          .filter((n) => n.text && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(n.lang))
          .map((n) => n.lang),
      ),
    ].filter((l, i, all) => all.indexOf(l) === i);
    const kept = {
      attributes: Object.fromEntries(
        Object.entries(a.attributes).filter(([k]) => !OWN_ACTIVITY_ATTRIBUTES.includes(k)),
      ),
      elements: a.children.filter((e) => (KEPT_ELEMENTS as readonly string[]).includes(e.name)).map(keep),
      results: this.keptResults,
      indicators: this.keptIndicators,
    };
    this.warnNotKept();
    this.readPlaces();
    const nodes = children(a, "result").map((r, i) => this.readResult(r, i));
    if (nodes.length === 0) this.warn(this.path, a, "noResults");
    this.linkParents(nodes);
    const periods = this.settlePeriods(nodes);
    return {
      code,
      name: inOwnLanguage(titles) || identifier,
      summary: inOwnLanguage(summaries),
      donor: orgs.filter((o) => o.attributes.role === "1").map(orgName)[0] ?? "",
      partners: orgs
        .filter((o) => o.attributes.role === "4")
        .map(orgName)
        .filter(Boolean),
      startDate: startDate ?? "",
      endDate: endDate ?? "",
      reportingFrequency: frequencyOf(periods),
      languages,
      sourceNote: `Imported from IATI activity ${identifier}.`,
      locations: [...this.projectLocations],
      newLocations: [...this.locations.values()],
      countryPercentages: this.countryPercentages,
      iati: identifier
        ? {
            identifier,
            reportingOrg: {
              ref: orgRef,
              name: narrative(child(a, "reporting-org"), this.lang),
              type: child(a, "reporting-org")?.attributes.type,
            },
            kept,
          }
        : undefined,
      dimensions: [...this.dimensions.values()].map((d) => ({ key: d.key, name: d.name, options: [...d.options] })),
      periods,
      rounds: [...this.rounds.values()],
      nodes,
    };
  }

  /**
   * Every element the app neither models nor keeps as published, named by element and activity: the
   * activity's own (budgets, transactions, sectors…), and in its results the texts in other languages
   * than the activity's, document links and references, and comments on figures.
   */
  private warnNotKept() {
    const counts = new Map<string, { n: number; e: XmlElement }>();
    const note = (where: string, e: XmlElement) => {
      const known = counts.get(where);
      if (known) known.n++;
      else counts.set(where, { n: 1, e });
    };
    const ownOrKept = new Set<string>([...KEPT_ELEMENTS, ...MODELLED_ELEMENTS]);
    for (const e of this.activity.children) if (!ownOrKept.has(e.name)) note(`${this.path}/${e.name}`, e);
    children(this.activity, "result").forEach((r, i) => {
      children(r, "indicator").forEach((ind, j) => {
        const at = `${this.path}/result[${i + 1}]/indicator[${j + 1}]`;
        const measure = measureOf.get(ind.attributes.measure ?? "1");
        const qualitative = measure !== undefined && isText(measure);
        children(ind, "period").forEach((p, k) => {
          for (const kind of ["target", "actual"])
            children(p, kind).forEach((v, m) => {
              const where = `${at}/period[${k + 1}]/${kind}[${m + 1}]`;
              for (const e of v.children) if (e.name === "document-link") note(`${where}/document-link`, e);
              // A figure's comment is read only where it carries a qualitative value, in one language.
              const comment = child(v, "comment");
              const texts = narrativesOf(comment ?? emptyElement, this.lang).filter((n) => n.text);
              const read = qualitative && !v.attributes.value?.trim() ? 1 : 0;
              if (comment && texts.length > read) note(`${where}/comment`, comment);
            });
        });
      });
    });
    for (const [where, { n, e }] of counts) this.warn(where, e, "notKept", n > 1 ? `×${n}` : undefined);
  }

  /** Recipient countries and referenced locations become the project's places. */
  private readPlaces() {
    const countries = children(this.activity, "recipient-country");
    for (const c of countries) {
      const ref = c.attributes.code?.toUpperCase() ?? "";
      if (!isoCountry.test(ref)) continue;
      this.addLocation(ref, narrative(c, this.lang) || countryName(ref, this.lang), "COUNTRY");
      const percentage = readNumber(c.attributes.percentage);
      if (percentage !== null && percentage >= 0 && percentage <= 100) this.countryPercentages[ref] = percentage;
    }
    let unreferenced = 0;
    for (const l of children(this.activity, "location")) {
      const ref = l.attributes.ref;
      if (!ref) {
        unreferenced++;
        continue;
      }
      this.addLocation(ref, narrative(child(l, "name"), this.lang) || ref);
    }
    if (unreferenced) this.warn(`${this.path}/location`, undefined, "locationsWithoutRef", String(unreferenced));
    // A referenced place keeps its reference and name; the rest of what the file says of it is named.
    const details = new Map<string, { n: number; e: XmlElement }>();
    for (const l of children(this.activity, "location"))
      if (l.attributes.ref)
        for (const d of l.children)
          if (d.name !== "name") {
            const known = details.get(d.name);
            if (known) known.n++;
            else details.set(d.name, { n: 1, e: d });
          }
    for (const [name, { n, e }] of details)
      this.warn(`${this.path}/location/${name}`, e, "notKept", n > 1 ? `×${n}` : undefined);
    const countryRefs = countries.map((c) => c.attributes.code?.toUpperCase() ?? "").filter((r) => isoCountry.test(r));
    const region = child(this.activity, "recipient-region");
    if (countryRefs.length === 1) this.fallback = { ref: countryRefs[0] ?? "", name: "" };
    else if (region) {
      const ref = `region-${region.attributes.code ?? "x"}`;
      this.fallback = { ref, name: narrative(region, this.lang) || ref };
    }
  }

  private addLocation(ref: string, name: string, level?: "COUNTRY") {
    this.projectLocations.add(ref);
    if (this.locations.has(ref)) return;
    const country = ref.split("-")[0] ?? "";
    const isRegion = isoRegion.test(ref);
    this.locations.set(ref, {
      ref,
      name,
      level: level ?? (isoCountry.test(ref) ? "COUNTRY" : isRegion ? "ADMIN1" : "SITE"),
      parent: isRegion && this.locations.has(country) ? country : undefined,
    });
  }

  /** The place a value without a location (or with several) is kept at: the activity as a whole. */
  private wholeActivity(): string {
    const { ref, name } = this.fallback;
    this.projectLocations.add(ref);
    if (!this.locations.has(ref)) this.locations.set(ref, { ref, name, level: "COUNTRY" });
    return ref;
  }

  private readResult(r: XmlElement, i: number): NodeDef & { parentRef?: string } {
    const where = `${this.path}/result[${i + 1}]`;
    const type = r.attributes.type ?? "";
    const level = resultLevel[type];
    if (!level) this.warn(where, r, "resultTypeOther", type);
    const code = this.ext(r, "code") ?? `R${i + 1}`;
    const title = stripCode(this.text(narrativesOf(child(r, "title") ?? emptyElement, this.lang)), code) || code;
    this.keptResults[code] ??= keptParts(r, () => true);
    const indicators = children(r, "indicator").flatMap((ind, j) => {
      const read = this.readIndicator(ind, `${where}/indicator[${j + 1}]`, code, j);
      const earlier = this.indicatorsByCode.get(read.code);
      if (!earlier || earlier.measure !== read.measure) {
        this.indicatorsByCode.set(read.code, read);
        return [read];
      }
      // The same indicator under another result: one indicator (under its first result) with the
      // values of both; the same value listed twice counts once, different ones for one cell are a problem.
      this.warn(`${where}/indicator[${j + 1}]`, ind, "indicatorUnderSeveralResults", read.code);
      earlier.targets = mergeCells(earlier.targets ?? [], read.targets ?? []);
      earlier.results = mergeCells(earlier.results ?? [], read.results ?? []);
      return [];
    });
    // IATI wants an indicator in every result: one whose indicators all went to an earlier result stays in
    // the logframe here, but its export cannot carry it.
    if (indicators.length === 0 && children(r, "indicator").length > 0)
      this.warn(where, r, "resultWithoutOwnIndicators");
    return {
      code,
      level: level ?? "OUTCOME",
      title,
      description: this.text(narrativesOf(child(r, "description") ?? emptyElement, this.lang)),
      parentRef: this.ext(r, "parent"),
      indicators,
    };
  }

  private linkParents(nodes: (NodeDef & { parentRef?: string })[]) {
    const codes = new Set(nodes.map((n) => n.code));
    for (const node of nodes) {
      if (node.parentRef && codes.has(node.parentRef)) node.parent = node.parentRef;
      delete node.parentRef;
    }
  }

  private readIndicator(e: XmlElement, where: string, resultCode: string, j: number): IndicatorDef {
    const reference = children(e, "reference").find((r) => r.attributes.vocabulary === "99")?.attributes.code;
    const code = reference ?? `${resultCode}.${j + 1}`;
    // The app's own files name the measure in its extension; others by IATI's code.
    const written = this.ext(e, "measure");
    const measure = written !== undefined ? parseMeasure(written) : measureOf.get(e.attributes.measure ?? "1");
    if (!measure) this.warn(where, e, "measureUnknown", written ?? e.attributes.measure);
    const composedFrom = this.ext(e, "composed-from");
    // The app's own reference is the indicator's code; any other is kept as published.
    this.keptIndicators[code] ??= keptParts(
      e,
      (k) => !(k.name === "reference" && k.attributes.vocabulary === "99" && k.attributes.code === code),
    );
    const indicator: IndicatorDef = {
      code,
      title: stripCode(this.text(narrativesOf(child(e, "title") ?? emptyElement, this.lang)), code) || code,
      definition: this.text(narrativesOf(child(e, "description") ?? emptyElement, this.lang)),
      unit: this.ext(e, "unit") ?? (measure && isPercent(measure) ? "%" : ""),
      measure: measure ?? unknownMeasureReadAs,
      direction: ["0", "false"].includes(e.attributes.ascending ?? "") ? "DECREASE" : "INCREASE",
      timeRule: (this.ext(e, "time-rule") as IndicatorDef["timeRule"]) ?? "NON_CUMULATIVE",
      source: (this.ext(e, "source") as IndicatorDef["source"]) ?? "MONITORING",
      composedFrom,
      // Dimensions without any value yet are only in the app's extension; the others come with values.
      dimensions: this.ext(e, "dimensions")?.split(" ").filter(Boolean) ?? [],
      targets: [],
      results: [],
    };
    this.readBaseline(e, where, indicator);
    const periods = children(e, "period");
    periods.forEach((p, k) => {
      this.readPeriod(p, `${where}/period[${k + 1}]`, indicator);
    });
    // An indicator whose own periods overlap reports running totals (each from the start to a date):
    // summed over periods they would count the same people again.
    const spans = periods
      .filter((p) => !this.ext(p, "round-type") && this.ext(p, "scope") !== "life-of-project")
      .map((p) => [child(p, "period-start")?.attributes["iso-date"], child(p, "period-end")?.attributes["iso-date"]])
      .filter((s): s is [string, string] => Boolean(s[0] && s[1]));
    if (!this.ext(e, "time-rule") && overlapping(spans)) {
      indicator.timeRule = "CUMULATIVE";
      this.warn(where, e, "overlappingPeriodsCumulative");
    }
    return indicator;
  }

  private readBaseline(e: XmlElement, where: string, indicator: IndicatorDef) {
    const baselines = children(e, "baseline");
    const plain = baselines.find((b) => !child(b, "location") && !child(b, "dimension"));
    const [first] = baselines;
    if (!plain && first) {
      // Baselines for subgroups only (women, one district) are not the indicator's: kept as its note.
      this.warn(`${where}/baseline`, first, "subgroupBaselineOnly");
      const subgroup = (b: XmlElement) =>
        [
          ...children(b, "dimension").map((d) => `${d.attributes.name ?? ""} ${d.attributes.value ?? ""}`.trim()),
          ...children(b, "location").map((l) => l.attributes.ref ?? ""),
        ].join(", ");
      const note = baselines
        .map((b) => `${subgroup(b)}: ${b.attributes.value ?? ""}${b.attributes.year ? ` (${b.attributes.year})` : ""}`)
        .join("; ");
      indicator.baseline = { note, provenance: "DOCUMENT" };
      return;
    }
    if (!plain) return;
    if (baselines.length > 1) this.warn(`${where}/baseline`, plain, "severalBaselines");
    const value = readNumber(plain.attributes.value);
    const year = plain.attributes.year;
    const date = plain.attributes["iso-date"] ?? (year ? `${year}-01-01` : undefined);
    const comment = narrative(child(plain, "comment"), this.lang);
    if (isText(indicator.measure) || value === null) {
      // A baseline in words ("No", "Secretariat not yet established") is kept as the baseline's note.
      const text = plain.attributes.value?.trim() ?? "";
      if (value === null && text && !isText(indicator.measure))
        this.warn(`${where}/baseline`, plain, "notANumber", text);
      const note = [text, comment].filter(Boolean).join(" — ");
      if (note) indicator.baseline = { note, date, provenance: "DOCUMENT" };
      return;
    }
    const numerator = readNumber(this.ext(plain, "numerator"));
    const denominator = readNumber(this.ext(plain, "denominator"));
    indicator.baseline = {
      ...(isRatio(indicator.measure) && numerator !== null && denominator !== null
        ? { numerator, denominator }
        : { value }),
      date,
      ...(comment && { note: comment }),
      provenance: "DOCUMENT",
    };
  }

  /** The period's "when": life of project, a survey round or a reporting period (merged by start date). */
  private whenOf(p: XmlElement, where: string): string | null {
    const start = child(p, "period-start")?.attributes["iso-date"];
    const end = child(p, "period-end")?.attributes["iso-date"];
    if (!start || !end) {
      this.problem(where, p, "periodDatesMissing");
      return null;
    }
    if (this.ext(p, "scope") === "life-of-project") return LIFE_OF_PROJECT;
    const label = this.ext(p, "label") ?? `${start} – ${end}`;
    const roundType = this.ext(p, "round-type");
    if (roundType) {
      if (!this.rounds.has(label)) {
        const size = (name: string) => readNumber(this.ext(p, name)) ?? undefined;
        this.rounds.set(label, {
          key: label,
          name: label,
          type: roundType as "BASELINE",
          mode: (this.ext(p, "round-mode") as "IN_PERSON" | undefined) ?? "IN_PERSON",
          startDate: start,
          endDate: end,
          plannedSampleSize: size("planned-sample-size"),
          achievedSampleSize: size("achieved-sample-size"),
        });
      }
      return label;
    }
    // A value stays at its own period's end (settlePeriods makes the project's periods from the ends).
    const known = this.periodEnds.get(end);
    if (!known) this.periodEnds.set(end, { start, label, where, e: p });
    else if (start < known.start) known.start = start;
    return `${PERIOD_ENDING}${end}`;
  }

  /**
   * The project's periods from the published ones. A project's periods never share a day (their sums
   * would count it twice), but IATI periods are per indicator and often overlap (the World Bank's run from
   * the baseline to each measurement). Each distinct end date ends one period, which starts the day after
   * the one before (or where the publisher's starts, if later): no value or target moves from its own
   * period's end, and a start moved later is said. Every value's provisional `when` becomes its period.
   */
  private settlePeriods(nodes: NodeDef[]): { label: string; startDate: string; endDate: string }[] {
    const periods: { label: string; startDate: string; endDate: string }[] = [];
    const labelOf = new Map<string, string>();
    let after = "";
    for (const end of [...this.periodEnds.keys()].sort()) {
      const published = this.periodEnds.get(end);
      if (!published) continue;
      const start = after > published.start ? after : published.start;
      const label = start === published.start ? published.label : `${start} – ${end}`;
      if (start !== published.start)
        this.warn(published.where, published.e, "periodStartMoved", `${published.start} – ${end} → ${label}`);
      periods.push({ label, startDate: start, endDate: end });
      labelOf.set(`${PERIOD_ENDING}${end}`, label);
      after = dayAfter(end);
    }
    for (const indicator of nodes.flatMap((n) => n.indicators ?? []))
      for (const cell of [...(indicator.targets ?? []), ...(indicator.results ?? [])])
        cell.when = labelOf.get(cell.when) ?? cell.when;
    return periods;
  }

  private readPeriod(p: XmlElement, where: string, indicator: IndicatorDef) {
    const when = this.whenOf(p, where);
    if (when === null) return;
    children(p, "target").forEach((t, i) => {
      const at = `${where}/target[${i + 1}]`;
      const option = this.optionOf(t, indicator, at);
      const cell = option === undefined ? null : this.readValue(t, at, indicator, when, "target", option);
      if (cell) indicator.targets?.push(cell);
    });
    // Derived values: the app's own life-of-project totals and composition percentages are recomputed.
    if (when === LIFE_OF_PROJECT || indicator.composedFrom) return;
    const actuals = children(p, "actual").map((a, i) => ({
      e: a,
      where: `${where}/actual[${i + 1}]`,
      located: children(a, "location").length > 0,
      option: this.optionOf(a, indicator, `${where}/actual[${i + 1}]`),
    }));
    for (const a of actuals) {
      // A total (overall, or of an option) is only kept when no value of its parts names a place.
      const partsNamePlaces = actuals.some((b) => b.located && b.option === a.option);
      if (a.option === undefined || (!a.located && partsNamePlaces)) continue;
      const cell = this.readValue(a.e, a.where, indicator, when, "actual", a.option);
      if (!cell) continue;
      indicator.results?.push({ ...cell, location: cell.location ?? this.wholeActivity(), status: "APPROVED" });
    }
  }

  /** "dimension:option" of a value, registering the dimension on the indicator; null for a total. */
  private optionOf(e: XmlElement, indicator: IndicatorDef, where: string): string | null | undefined {
    const dims = children(e, "dimension");
    if (dims.length === 0) return null;
    if (dims.length > 1) {
      this.warn(where, e, "severalDimensions");
      return undefined;
    }
    const d = dims[0];
    const name = d?.attributes.name ?? "";
    const value = d?.attributes.value ?? "";
    if (!name || !value) return undefined;
    const key = slug(name);
    const option = slug(value);
    const dimension = this.dimensions.get(key) ?? { key, name, options: new Map<string, string>() };
    dimension.options.set(option, dimension.options.get(option) ?? value);
    this.dimensions.set(key, dimension);
    if (!indicator.dimensions?.includes(key)) indicator.dimensions?.push(key);
    return `${key}:${option}`;
  }

  private readValue(
    e: XmlElement,
    where: string,
    indicator: IndicatorDef,
    when: string,
    kind: "target" | "actual",
    option: string | null,
  ): Cell | null {
    const refs = children(e, "location").map((l) => l.attributes.ref ?? "");
    if (refs.length > 1) this.warn(where, e, "severalLocations");
    const ref = refs.length === 1 ? refs[0] : undefined;
    if (ref !== undefined && !ref) return null;
    if (ref && !this.projectLocations.has(ref)) this.addLocation(ref, ref);
    const location = refs.length > 1 ? this.wholeActivity() : ref;
    const raw = e.attributes.value;
    const base = { when, location, option: option ?? undefined, provenance: "DOCUMENT" as const };
    if (isText(indicator.measure)) {
      // The standard puts a qualitative target or value in its comment; some publishers in @value.
      const text = raw?.trim() || narrative(child(e, "comment"), this.lang);
      return text ? { ...base, text } : null;
    }
    const value = readNumber(raw);
    if (value === null) {
      // Publishers sometimes write a sentence where a number belongs: left out, and said so.
      this.warn(where, e, "notANumber", raw);
      return null;
    }
    const counts = child(e, this.ns ? `${this.ns}:counts` : "\u0000");
    const numerator = readNumber(counts?.attributes.numerator);
    const denominator = readNumber(counts?.attributes.denominator);
    const sampleSize = readNumber(counts?.attributes["sample-size"]) ?? undefined;
    if (isRatio(indicator.measure)) {
      if (numerator !== null && denominator !== null) return { ...base, numerator, denominator, sampleSize };
      if (kind === "target") return { ...base, value };
      // IATI carries the percentage only: kept as that many in a hundred, said in the warnings.
      this.warn(where, e, "percentageWithoutCounts");
      return { ...base, numerator: value, denominator: 100, value };
    }
    if (addsUp(indicator.measure) && !Number.isInteger(value)) this.warn(where, e, "notWhole", raw);
    return { ...base, value, sampleSize };
  }
}

function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang, "en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function stripCode(title: string, code: string): string {
  return title.startsWith(`${code} `) ? title.slice(code.length + 1).trim() : title;
}

/** The identifier without the reporting organisation's prefix, made into a valid project code. */
function projectCode(identifier: string, orgRef: string): string {
  const own = orgRef && identifier.startsWith(`${orgRef}-`) ? identifier.slice(orgRef.length + 1) : identifier;
  return own.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 40);
}

/** The reporting frequency that matches the periods' usual length. */
/** Whether two of the spans [start, end] (ISO days, both included) share a day. */
function overlapping(spans: [string, string][]): boolean {
  let latestEnd = "";
  for (const [start, end] of [...spans].sort(([a], [b]) => a.localeCompare(b))) {
    if (latestEnd && start <= latestEnd) return true;
    if (end > latestEnd) latestEnd = end;
  }
  return false;
}

/** A result's or indicator's elements kept as published. */
function keptParts(e: XmlElement, wanted: (k: KeptXml) => boolean): KeptXml[] {
  return e.children
    .filter((c) => (RESULT_KEPT_ELEMENTS as readonly string[]).includes(c.name))
    .map(keep)
    .filter(wanted);
}

const emptyElement: XmlElement = { name: "", attributes: {}, children: [], text: "", line: 0 };

/** A reporting period's provisional `when` while the file is read: the end date follows. */
const PERIOD_ENDING = "\u0000ends ";

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function frequencyOf(periods: { startDate: string; endDate: string }[]): Definition["reportingFrequency"] {
  if (periods.length === 0) return "ANNUAL";
  const days = periods.map((p) => (Date.parse(p.endDate) - Date.parse(p.startDate)) / 86_400_000).sort((a, b) => a - b)[
    Math.floor(periods.length / 2)
  ];
  const d = days ?? 365;
  return d < 45 ? "MONTHLY" : d < 120 ? "QUARTERLY" : d < 240 ? "SEMIANNUAL" : "ANNUAL";
}

/** Cells (targets or values) of both lists, the same figure for the same cell counted once. */
function mergeCells<C extends { when: string; location?: string; option?: string }>(first: C[], more: C[]): C[] {
  const key = (c: C) => JSON.stringify([c.when, c.location ?? "", c.option ?? ""]);
  const merged = [...first];
  for (const cell of more) {
    const same = merged.find((c) => key(c) === key(cell));
    if (!same || JSON.stringify(same) !== JSON.stringify(cell)) merged.push(cell);
  }
  return merged;
}
