// The organisation's roll-up (#34): one library indicator's figures from several projects, combined by
// country, region, donor or in all, over a window of dates (a year), with the engine's rules
// (docs/numbers.md): counts add up, rates are summed numerators over summed denominators, cumulative
// figures take each place's latest value (never summed over time), and periods of different lengths
// (monthly, quarterly) are aligned by date: a period counts in the window its start date falls in.
// Each figure names the projects and values it comes from; where two projects report the same place
// (or one a place inside the other's), the sum may count people twice: it says so and offers the
// largest project figure of each overlapping group instead of their sum. Pure.
import { percent } from "@/lib/domain/engine/aggregate";
import type { TimeRule } from "@/lib/domain/engine/types";
import type { RollupRule } from "@/lib/domain/library/link-check";

export type { RollupRule };

/** Where a value or target was recorded: the place, the places above it, and the groups it falls in. */
export type RollupPlace = {
  placeId: string;
  /** The place's ancestors, country first (the place itself not included). */
  ancestorIds: string[];
  /** ISO 3166-1 code of its country, or the country's name when it has none. */
  country: string;
  region: string;
};

export type Amount = { value: number | null; numerator: number | null; denominator: number | null };

/** One project's approved figure at one place in one period (as its summary gives it). */
export type RollupValue = RollupPlace & Amount & { start: Date; end: Date };

/** One project's target at one place: for the life of the project (no dates) or a period. */
export type RollupTarget = RollupPlace & Amount & { start: Date | null; end: Date | null };

/** What one project brings to the roll-up of one library indicator. */
export type ProjectSeries = {
  projectId: string;
  code: string;
  name: string;
  donor: string;
  /** The project's theme keys (StudyTheme); none: the "No theme" group (noTheme). */
  themes?: string[];
  timeRule: TimeRule;
  values: RollupValue[];
  targets: RollupTarget[];
};

export type GroupBy = "country" | "region" | "donor" | "theme" | "total";

/** The theme group of projects with no theme ("No theme"). */
export const noTheme = "";

/** Days from `from` through `to`, both included (rule 10); null for all time. */
export type Window = { from: Date; to: Date } | null;

/** One project's part of a rolled-up figure, with what it is made of. */
export type Contribution = {
  projectId: string;
  code: string;
  name: string;
  actual: Amount;
  target: Amount | null;
  placeIds: string[];
  /** How many period figures were counted (after the time rule). */
  periodCount: number;
  /** Periods counted whose end falls after the window: their values were counted whole. */
  straddling: number;
};

export type Overlap = {
  /** The projects that report a place in common (each group of them, by shared places). */
  groups: { projectIds: string[]; placeIds: string[] }[];
  /** The roll-up's sum, counting each project in full. */
  sum: number | null;
  /** Each overlapping group counted by its largest project figure, the other projects in full. */
  max: number | null;
};

export type RolledFigure = {
  key: string;
  rule: RollupRule;
  /** Rolled up: the value (percent for rates) with its counts; null value when no data or not rolled up. */
  actual: Amount;
  target: Amount | null;
  /** How the rate target was combined: weighted by target denominators, or equally (some lacked counts). */
  targetBasis: "sum" | "ratioOfSums" | "equalWeights" | null;
  /**
   * The projects of the group with no target in the window while others have one: the target then
   * covers only part of the group (partial). Empty when every project has a target, or none does.
   */
  targetMissing: { projectId: string; code: string }[];
  contributions: Contribution[];
  overlap: Overlap | null;
};

const none: Amount = { value: null, numerator: null, denominator: null };

function add(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return a + b;
}

const DAY_MS = 86_400_000;
/** The UTC day a date falls on, as a number (days since 1970-01-01): what its ISO date compares as. */
const dayOf = (d: Date) => Math.floor(d.getTime() / DAY_MS);

function inWindow(start: Date, window: Window): boolean {
  if (!window) return true;
  const day = dayOf(start);
  return day >= dayOf(window.from) && day <= dayOf(window.to);
}

/**
 * The groups a row counts in: one, except by theme, where a project of several themes counts whole in
 * each (theme groups do not partition the total; rule 13).
 */
function groupKeys(by: GroupBy, series: ProjectSeries, place: RollupPlace): string[] {
  switch (by) {
    case "country":
      return [place.country];
    case "region":
      return [place.region];
    case "donor":
      return [series.donor];
    case "theme":
      return series.themes?.length ? [...new Set(series.themes)] : [noTheme];
    case "total":
      return ["total"];
  }
}

/** Rule 3: cumulative figures keep only the latest dated row of each place. */
function latestPerPlace<T extends RollupPlace & { end: Date | null }>(timeRule: TimeRule, rows: T[]): T[] {
  return timeRule === "NON_CUMULATIVE" ? rows : latestOfEachPlace(rows);
}

function latestOfEachPlace<T extends RollupPlace & { end: Date | null }>(rows: T[]): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const current = latest.get(row.placeId);
    if (!current || (row.end?.getTime() ?? 0) > (current.end?.getTime() ?? 0)) latest.set(row.placeId, row);
  }
  return [...latest.values()];
}

/** Rule 1: counts add up, rates are summed numerators over summed denominators. */
function combine(rule: RollupRule, amounts: Amount[]): Amount {
  if (rule === "NONE" || amounts.length === 0) return none;
  if (rule === "SUM") return { ...none, value: amounts.reduce<number | null>((s, a) => add(s, a.value), null) };
  const numerator = amounts.reduce<number | null>((s, a) => add(s, a.numerator), null);
  const denominator = amounts.reduce<number | null>((s, a) => add(s, a.denominator), null);
  return { value: percent(numerator, denominator), numerator, denominator };
}

/** Rule 2: count targets add up; rate targets by their denominators when all have them, else equally. */
function combineTargets(
  rule: RollupRule,
  targets: Amount[],
): { target: Amount | null; basis: RolledFigure["targetBasis"] } {
  if (rule === "NONE" || targets.length === 0) return { target: null, basis: null };
  if (rule === "SUM") return { target: combine(rule, targets), basis: "sum" };
  if (targets.every((t) => t.numerator !== null && t.denominator !== null))
    return { target: combine(rule, targets), basis: "ratioOfSums" };
  const values = targets.map((t) => t.value).filter((v): v is number => v !== null);
  if (!values.length) return { target: null, basis: null };
  return { target: { ...none, value: values.reduce((a, b) => a + b, 0) / values.length }, basis: "equalWeights" };
}

/**
 * A project's targets in the window: its life-of-project targets for all time; otherwise its period
 * targets of periods starting in the window (cumulative: each place's latest).
 */
function targetsIn(rule: RollupRule, series: ProjectSeries, window: Window): RollupTarget[] {
  const dated = series.targets.filter((t) => t.start !== null);
  if (!window) {
    const life = series.targets.filter((t) => t.start === null);
    if (life.length) return life;
    // Rule 4: without a life target, the period targets (summed, or the latest when cumulative or a rate).
    return rule === "RATIO" ? latestOfEachPlace(dated) : latestPerPlace(series.timeRule, dated);
  }
  return latestPerPlace(
    series.timeRule,
    dated.filter((t) => t.start && inWindow(t.start, window)),
  );
}

function overlapOf(
  rule: RollupRule,
  parts: { contribution: Contribution; places: RollupPlace[] }[],
  sum: number | null,
): Overlap | null {
  // Groups of projects joined by shared places (places that may hold the same people): a union-find over
  // the parts. Two parts share a place when one's place is the other's or lies inside it. Each place's
  // reporters are joined to its first reporter, so the work grows with the places reported, not with the
  // pairs of parts (thousands of projects in one country).
  const parent = parts.map((_, i) => i);
  const root = (i: number): number => {
    let top = i;
    while (parent[top] !== top) top = parent[top]!;
    for (let at = i; parent[at] !== top; ) [at, parent[at]] = [parent[at]!, top];
    return top;
  };
  const join = (i: number, j: number) => {
    const [ri, rj] = [root(i), root(j)];
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };
  const placesOfPart = parts.map((part) => [...new Map(part.places.map((p) => [p.placeId, p])).values()]);
  const reportedBy = new Map<string, number[]>();
  placesOfPart.forEach((places, i) => {
    for (const p of places) {
      const reporters = reportedBy.get(p.placeId);
      if (reporters) reporters.push(i);
      else reportedBy.set(p.placeId, [i]);
    }
  });
  // The places each part shares with another: its own place and the one it lies in (or is).
  const sharedBy = parts.map(() => new Set<string>());
  placesOfPart.forEach((places, i) => {
    for (const place of places)
      for (const around of [place.placeId, ...place.ancestorIds]) {
        const other = reportedBy.get(around)?.find((j) => j !== i);
        if (other === undefined) continue;
        join(i, other);
        sharedBy[i]!.add(place.placeId).add(around);
      }
  });
  const members = new Map<number, { contributions: Contribution[]; placeIds: Set<string> }>();
  parts.forEach((p, i) => {
    const group = members.get(root(i)) ?? { contributions: [], placeIds: new Set<string>() };
    group.contributions.push(p.contribution);
    for (const id of sharedBy[i]!) group.placeIds.add(id);
    members.set(root(i), group);
  });
  const groups = [...members.values()]
    .filter(({ contributions }) => contributions.length > 1)
    .map(({ contributions, placeIds }) => ({
      projectIds: contributions.map((c) => c.projectId).sort(),
      placeIds: [...placeIds].sort(),
    }))
    .sort((a, b) => a.projectIds[0]!.localeCompare(b.projectIds[0]!));
  if (!groups.length) return null;
  let max: number | null = null;
  if (rule === "SUM")
    for (const { contributions } of members.values()) {
      const values = contributions.map((c) => c.actual.value).filter((v): v is number => v !== null);
      if (values.length)
        max = add(
          max,
          values.reduce((a, b) => Math.max(a, b)),
        );
    }
  return { groups, sum: rule === "SUM" ? sum : null, max };
}

/**
 * The library indicator's figures from these projects, in groups (`by`), over the window: target vs
 * achieved, each with the projects it comes from. A rule of NONE rolls nothing up: each group lists
 * the projects' figures only.
 */
export function rollUp(
  rule: RollupRule,
  projects: ProjectSeries[],
  by: GroupBy,
  window: Window = null,
): RolledFigure[] {
  return rolledUp(rule, projects, by, window, true);
}

/** rollUp, with the overlapping projects found or not (progress over time shows none). */
function rolledUp(
  rule: RollupRule,
  projects: ProjectSeries[],
  by: GroupBy,
  window: Window,
  findOverlap: boolean,
): RolledFigure[] {
  type Part = { contribution: Contribution; places: RollupPlace[]; targetRows: Amount[]; valueRows: Amount[] };
  const groups = new Map<string, Part[]>();
  for (const series of projects) {
    const byGroup = new Map<string, { values: RollupValue[]; targets: RollupTarget[] }>();
    const slot = (key: string) => {
      const found = byGroup.get(key) ?? { values: [], targets: [] };
      byGroup.set(key, found);
      return found;
    };
    for (const v of series.values)
      if (inWindow(v.start, window)) for (const key of groupKeys(by, series, v)) slot(key).values.push(v);
    for (const t of targetsIn(rule, series, window))
      for (const key of groupKeys(by, series, t)) slot(key).targets.push(t);
    for (const [key, rows] of byGroup) {
      const counted = latestPerPlace(series.timeRule, rows.values);
      const actual = combine(rule, counted);
      const ownTarget = combineTargets(rule, rows.targets).target;
      const placeIds = [...new Set(counted.map((v) => v.placeId))].sort();
      const part: Part = {
        contribution: {
          projectId: series.projectId,
          code: series.code,
          name: series.name,
          actual: rule === "NONE" ? none : actual,
          target: ownTarget,
          placeIds,
          periodCount: counted.length,
          straddling: window ? counted.filter((v) => dayOf(v.end) > dayOf(window.to)).length : 0,
        },
        places: counted,
        targetRows: rows.targets,
        valueRows: counted,
      };
      const group = groups.get(key);
      if (group) group.push(part);
      else groups.set(key, [part]);
    }
  }
  return [...groups.entries()]
    .map(([key, parts]) => {
      const actual = combine(
        rule,
        parts.flatMap((p) => p.valueRows),
      );
      const { target, basis } = combineTargets(
        rule,
        parts.flatMap((p) => p.targetRows),
      );
      const contributions = parts
        .map((p) => p.contribution)
        .sort((a, b) => a.code.localeCompare(b.code) || a.projectId.localeCompare(b.projectId));
      // A target summed over some of the projects only, set against all of them, overstates progress:
      // it is kept, marked partial with the projects it leaves out (rule 13).
      const targetMissing =
        target === null
          ? []
          : contributions.filter((c) => c.target === null).map(({ projectId, code }) => ({ projectId, code }));
      return {
        key,
        rule,
        actual,
        target,
        targetBasis: basis,
        targetMissing,
        contributions,
        overlap: rule === "NONE" || !findOverlap ? null : overlapOf(rule, parts, actual.value),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The calendar years the projects' values and dated targets start in, as windows, earliest first. */
export function yearWindows(projects: ProjectSeries[]): { year: number; window: { from: Date; to: Date } }[] {
  const years = new Set<number>();
  for (const p of projects) {
    for (const v of p.values) years.add(v.start.getUTCFullYear());
    for (const t of p.targets) if (t.start) years.add(t.start.getUTCFullYear());
  }
  return [...years].sort((a, b) => a - b).map((year) => ({ year, window: yearWindow(year) }));
}

/** A calendar year as a window: 1 January through 31 December (UTC). */
export const yearWindow = (year: number) => ({
  from: new Date(Date.UTC(year, 0, 1)),
  to: new Date(Date.UTC(year, 11, 31)),
});

/** One year's roll-up in all: achieved and target of the year, and achieved from the first year through it. */
export type YearPoint = { year: number; actual: Amount; target: Amount | null; toDate: Amount };

/**
 * Progress over time: for each year of yearWindows, the figure of the year and the figure to date (every
 * period from the first year's start through the year's end), both with rollUp's own rules (cumulative
 * figures take each place's latest value, counts add up, rates pool their counts).
 */
export function yearSeries(rule: RollupRule, projects: ProjectSeries[]): YearPoint[] {
  const years = yearWindows(projects);
  const first = years[0]?.window.from;
  const inAll = (window: Window) => rolledUp(rule, projects, "total", window, false)[0];
  return years.map(({ year, window }) => {
    const ofYear = inAll(window);
    return {
      year,
      actual: ofYear?.actual ?? none,
      target: ofYear?.target ?? null,
      toDate: inAll({ from: first ?? window.from, to: window.to })?.actual ?? none,
    };
  });
}
