import "server-only";
import { AsOf } from "@/lib/domain/as-of";
import { localizeDimension } from "@/lib/domain/catalogue/names";
import { composePartials } from "@/lib/domain/engine/composition";
import {
  type IndicatorDefinition,
  placesOverTime,
  type SummaryContext,
  type SummaryDepth,
  type SummaryTime,
  summarizeIndicator,
} from "@/lib/domain/engine/summarize";
import { DomainError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/domain/i18n/config";
import { can, type Principal } from "@/lib/domain/permissions";
import type { ProjectSummary } from "@/lib/domain/summary/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/platform/db";
import { projectNarratives, projectResultPartials } from "@/lib/server/results/partials";
import { cachedSummary, computeOnce, rememberSummary } from "./cache";

export type SummaryOptions = {
  /** Figures as of the end of this day (default: today, taken once per call); rule 10. */
  asOf?: AsOf;
  /** Only this location and what lies below it. */
  locationId?: string | null;
  /** Only this reporting period or survey round. */
  timeId?: string | null;
  /** A manager's preview that also counts submitted values; ignored for anyone who may not see them. */
  includeSubmitted?: boolean;
  /** Leave out each period's to-date trajectory (exports do not draw it). */
  withoutTrajectory?: boolean;
  /** Only this indicator's summary (a page about one indicator need not compute the others). */
  indicatorId?: string;
  /** The reader's language, for the names of the shared catalogue's dimensions (default English). */
  locale?: Locale;
  /**
   * How much of each indicator: its overall figure ("overall": headlines, the portfolio), also each
   * place's ("places": a dashboard's first screen, the status matrix), or everything ("full", default).
   */
  depth?: SummaryDepth;
  /** The project's data version the caller has just read (a conditional GET): not read twice. */
  dataVersion?: number;
  /**
   * Only values approved by this moment: the figures as a report made then showed them (approved
   * values only; a value approved again since counts from its latest approval).
   */
  approvedBy?: Date;
  /** What the view (one page render) has loaded already: loaded once however many summaries it computes. */
  loads?: ViewLoads;
};

/**
 * What one view (a page render) has loaded: a project's data version, structure, partial sums and texts,
 * each loaded once however many summaries the view computes (the dashboard: its first screen's overview,
 * the open card, what changed since the last report). Made per view and dropped with it, never shared
 * between requests: a view then computes every summary from the same reads.
 */
export class ViewLoads {
  private readonly loaded = new Map<string, Promise<unknown>>();

  once<T>(key: unknown[], load: () => Promise<T>): Promise<T> {
    const name = JSON.stringify(key);
    const known = this.loaded.get(name) as Promise<T> | undefined;
    if (known) return known;
    const started = load();
    this.loaded.set(name, started);
    return started;
  }
}

/** Loads for a call that is no view's: each load runs. */
const unshared = { once: <T>(_key: unknown[], load: () => Promise<T>) => load() };

const notTheProjects = {
  location: "Not one of the project's locations",
  period: "Not one of the project's periods or rounds",
  indicator: "Not one of the project's indicators",
} as const;

/** A filter names a location, period or round that is not the project's: refused, naming the parameter. */
export class UnknownFilterError extends DomainError {
  constructor(readonly filter: keyof typeof notTheProjects) {
    super("validation", {
      detail: `Unknown ${filter}`,
      fields: [{ field: `query.${filter}`, code: notTheProjects[filter] }],
    });
  }
}

/** Whether a summary counts submitted values: only a preview asked for by someone who may see them. */
function previewWanted(principal: Principal, projectId: string, includeSubmitted: boolean): boolean {
  return includeSubmitted && can(principal, "results.readUnapproved", projectId);
}

/**
 * The version a summary of the project would be computed at, for the principal: null when the project
 * is not readable (or does not exist), or for a preview with submitted values (never cached). Cheap:
 * one row by key, so a client's unchanged copy is confirmed (304) without computing anything.
 */
export async function summaryVersion(
  principal: Principal,
  projectId: string,
  includeSubmitted = false,
  loads: Pick<ViewLoads, "once"> = unshared,
): Promise<number | null> {
  if (!cacheable(principal, projectId, includeSubmitted)) return null;
  const row = await loads.once(["version", projectId], () =>
    readDb().project.findUnique({ where: { id: projectId }, select: { dataVersion: true } }),
  );
  return row?.dataVersion ?? null;
}

/** Approved figures of a readable project are cached; a preview with submitted values never is. */
function cacheable(principal: Principal, projectId: string, includeSubmitted: boolean): boolean {
  return can(principal, "project.read", projectId) && !previewWanted(principal, projectId, includeSubmitted);
}

/** The structure a summary is computed over: places, periods, rounds, indicators with targets and options. */
const summaryInclude = structureOf();

/** The structure, of only some indicators when `indicatorIds` names them (one indicator and its source). */
function structureOf(indicatorIds?: string[]) {
  return {
    locations: { include: { location: true } },
    periods: true,
    surveyRounds: true,
    indicators: {
      where: indicatorIds ? { archivedAt: null, id: { in: indicatorIds } } : { archivedAt: null },
      orderBy: [{ resultNode: { sortOrder: "asc" } }, { sortOrder: "asc" }],
      include: {
        targets: true,
        dimensions: { include: { dimension: { include: { options: { orderBy: { sortOrder: "asc" } } } } } },
      },
    },
  } satisfies Prisma.ProjectInclude;
}

/** What a summary is computed from: the project's structure and its results' partial sums. */
async function loadSummaryInputs(
  principal: Principal,
  projectId: string,
  includeSubmitted: boolean,
  approvedBy?: Date,
  loads: Pick<ViewLoads, "once"> = unshared,
) {
  // Not allowed and not found look the same, so project ids cannot be probed.
  if (!can(principal, "project.read", projectId)) return null;
  const includesSubmitted = previewWanted(principal, projectId, includeSubmitted);
  const [inputs] = await loadInputsOf([projectId], includesSubmitted, false, approvedBy, loads);
  return inputs ?? null;
}

/**
 * The inputs of several projects' summaries in three queries whatever their number (the portfolio):
 * their structure, their results' partial sums and their texts. Callers have checked who may read them.
 * `indicatorsOf`: only these indicators' structure and sums, per project (the roll-up's indicators and sources).
 */
async function loadInputsOf(
  projectIds: string[],
  includesSubmitted: boolean,
  totalsOnly = false,
  approvedBy?: Date,
  loads: Pick<ViewLoads, "once"> = unshared,
  indicatorsOf?: Record<string, string[]>,
) {
  const indicatorIds = indicatorsOf ? Object.values(indicatorsOf).flat() : undefined;
  // A preview counts every value sent for review, those a partner approved (two-level approval) too.
  const statuses = includesSubmitted ? ["APPROVED", "PARTNER_APPROVED", "SUBMITTED"] : ["APPROVED"];
  const prisma = readDb();
  const by = approvedBy?.toISOString() ?? null;
  const [projects, partials, narratives] = await Promise.all([
    loads.once(["structure", projectIds, indicatorsOf ?? null], () => loadStructures(projectIds, indicatorsOf)),
    loads.once(["partials", projectIds, statuses, totalsOnly, by, indicatorIds ?? null], () =>
      projectResultPartials(prisma, projectIds, statuses, { totalsOnly, approvedBy, indicatorIds }),
    ),
    loads.once(["narratives", projectIds, statuses, by], () =>
      projectNarratives(prisma, projectIds, statuses, approvedBy),
    ),
  ]);
  return projects.map((project) => inputsOf(project, partials, narratives, statuses, includesSubmitted));
}

/**
 * Projects loaded with an include send one bind parameter per id, in every nested query too (the
 * targets' query lists each indicator of every project: 18,001 parameters at 1,200 projects, where
 * PostgreSQL stops at 65,535). A fixed number of projects per load bounds them whatever the portfolio.
 */
const PROJECTS_PER_LOAD = 5;

async function loadStructures(projectIds: string[], indicatorsOf?: Record<string, string[]>): Promise<LoadedProject[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < projectIds.length; i += PROJECTS_PER_LOAD)
    chunks.push(projectIds.slice(i, i + PROJECTS_PER_LOAD));
  // Only the chunk's own indicators are named in its load, so its parameters stay bounded too.
  const includeOf = (ids: string[]) =>
    indicatorsOf ? structureOf(ids.flatMap((id) => indicatorsOf[id] ?? [])) : summaryInclude;
  const loaded = await Promise.all(
    chunks.map((ids) => readDb().project.findMany({ where: { id: { in: ids } }, include: includeOf(ids) })),
  );
  return loaded.flat();
}

type LoadedProject = Prisma.ProjectGetPayload<{ include: typeof summaryInclude }>;

function inputsOf(
  project: LoadedProject,
  partials: Awaited<ReturnType<typeof projectResultPartials>>,
  narratives: Awaited<ReturnType<typeof projectNarratives>>,
  statuses: string[],
  includesSubmitted: boolean,
) {
  const locations = project.locations
    .map(({ location: l }) => ({ id: l.id, name: l.name, isoCode: l.isoCode, parentId: l.parentId }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const times: SummaryTime[] = [
    ...project.periods.map((p) => ({
      id: p.id,
      kind: "period" as const,
      label: p.label,
      startDate: p.startDate,
      endDate: p.endDate,
    })),
    ...project.surveyRounds.map((r) => ({
      id: r.id,
      kind: "round" as const,
      label: r.name,
      startDate: r.startDate,
      endDate: r.endDate,
      roundType: r.type,
    })),
  ].sort((a, b) => a.endDate.getTime() - b.endDate.getTime());
  return { project, partials, narratives, locations, times, statuses, includesSubmitted };
}

type SummaryInputs = NonNullable<Awaited<ReturnType<typeof loadSummaryInputs>>>;

/** A view whose day is settled: the cache key and the figures then name the same day, even across midnight. */
type DatedOptions = SummaryOptions & { asOf: AsOf };

const dated = (options: SummaryOptions): DatedOptions => ({ ...options, asOf: options.asOf ?? AsOf.today() });

/** The engine's view of the loaded project: its places, periods and rounds, the filters and the as-of day. */
function contextOf(inputs: SummaryInputs, options: DatedOptions): SummaryContext {
  const { project, locations, times, statuses } = inputs;
  const locationId = options.locationId ?? null;
  if (locationId && !locations.some((l) => l.id === locationId)) throw new UnknownFilterError("location");
  const timeId = options.timeId ?? null;
  if (timeId && !times.some((t) => t.id === timeId)) throw new UnknownFilterError("period");
  return {
    project: {
      start: project.startDate,
      end: project.endDate,
      thresholds: { onTrack: project.onTrackThreshold, atRisk: project.atRiskThreshold },
    },
    asOf: options.asOf.date,
    locations,
    times,
    rootLocationId: locationId,
    rootTimeId: timeId,
    withoutTrajectory: options.withoutTrajectory,
    depth: options.depth,
    statuses,
  };
}

type LoadedIndicator = LoadedProject["indicators"][number];

/** What the engine is given for one indicator: its definition and its partial sums (a composition's from its source). */
function engineInputsOf(inputs: SummaryInputs, indicator: LoadedIndicator, options: DatedOptions) {
  const { project, partials } = inputs;
  const optionsOf = (dimensionId: string) =>
    project.indicators.flatMap((i) => i.dimensions).find((d) => d.dimensionId === dimensionId)?.dimension.options ?? [];
  let own = partials.get(indicator.id) ?? [];
  let timeRule = indicator.timeRule;
  if (indicator.composedFromId && indicator.composedOptionId) {
    const source = project.indicators.find((i) => i.id === indicator.composedFromId);
    const option = source?.dimensions
      .flatMap((d) => d.dimension.options)
      .find((o) => o.id === indicator.composedOptionId);
    own = option
      ? composePartials(
          partials.get(indicator.composedFromId) ?? [],
          option.id,
          optionsOf(option.dimensionId).map((o) => o.id),
        )
      : [];
    timeRule = source?.timeRule ?? timeRule;
  }
  const def: IndicatorDefinition = {
    id: indicator.id,
    code: indicator.code,
    title: indicator.title,
    unit: indicator.unit,
    measure: indicator.measure,
    direction: indicator.direction,
    timeRule,
    source: indicator.source,
    baseline: {
      value: indicator.baselineValue,
      numerator: indicator.baselineNumerator,
      denominator: indicator.baselineDenominator,
    },
    dimensions: indicator.dimensions.map(({ dimension }) => {
      const d = localizeDimension(dimension, options.locale ?? "en");
      return {
        id: d.id,
        key: d.key,
        name: d.name,
        options: d.options.map((o) => ({ id: o.id, key: o.key, name: o.name })),
      };
    }),
    composedFrom:
      indicator.composedFromId && indicator.composedOptionId
        ? { indicatorId: indicator.composedFromId, optionId: indicator.composedOptionId }
        : null,
  };
  return { def, partials: own };
}

/** Runs the indicator engine over every indicator of the loaded project, for one view (filters). */
function buildSummary(inputs: SummaryInputs, options: DatedOptions): ProjectSummary {
  const { project, narratives, locations, times, includesSubmitted } = inputs;
  const context = contextOf(inputs, options);
  const wanted = options.indicatorId
    ? project.indicators.filter((i) => i.id === options.indicatorId)
    : project.indicators;
  if (options.indicatorId && wanted.length === 0) throw new UnknownFilterError("indicator");
  const indicators = wanted.map((indicator) => {
    const { def, partials } = engineInputsOf(inputs, indicator, options);
    const summary = summarizeIndicator(def, partials, indicator.targets, context, narratives.get(indicator.id));
    return { ...summary, resultNodeId: indicator.resultNodeId };
  });

  return {
    project: {
      id: project.id,
      code: project.code,
      name: project.name,
      startDate: project.startDate,
      endDate: project.endDate,
    },
    version: includesSubmitted ? null : project.dataVersion,
    asOf: context.asOf,
    locationId: context.rootLocationId,
    timeId: context.rootTimeId ?? null,
    includesSubmitted,
    locations,
    times,
    indicators,
  };
}

/**
 * Every indicator of a project computed by the indicator engine: the one function behind the
 * dashboard, the summary API and the exports. Approved results only, unless a user who may see
 * unapproved ones asks for the preview.
 */
export async function projectSummary(
  principal: Principal,
  projectId: string,
  asked: SummaryOptions = {},
): Promise<ProjectSummary | null> {
  const options = dated(asked);
  const includeSubmitted = Boolean(options.includeSubmitted) && !options.approvedBy;
  const version =
    options.dataVersion !== undefined && cacheable(principal, projectId, includeSubmitted)
      ? options.dataVersion
      : await summaryVersion(principal, projectId, includeSubmitted, options.loads);
  const key = version === null ? null : cacheKey(projectId, version, options);
  const hit = key ? cachedSummary(key) : undefined;
  if (hit) return hit;
  const compute = async () => {
    const inputs = await loadSummaryInputs(principal, projectId, includeSubmitted, options.approvedBy, options.loads);
    if (!inputs) return null;
    const summary = buildSummary(inputs, options);
    // Kept only when nothing changed while it was computed: it then holds exactly that version's data.
    if (key && summary.version === version) rememberSummary(key, summary);
    return summary;
  };
  // Only cacheable (approved, readable) views are shared with requests waiting for the same key.
  return key ? computeOnce(key, compute) : compute();
}

/** One view of one version of a project's approved figures. */
function cacheKey(projectId: string, version: number, options: DatedOptions): string {
  return JSON.stringify([
    projectId,
    version,
    options.asOf.toKey(),
    options.locationId ?? null,
    options.timeId ?? null,
    options.indicatorId ?? null,
    Boolean(options.withoutTrajectory),
    options.locale ?? "en",
    options.depth ?? "full",
    options.approvedBy?.toISOString() ?? null,
  ]);
}

/**
 * Every indicator's overall figure for several projects (the portfolio), approved values only: each
 * project's from the cache while its data version has not moved, the others loaded together in three
 * queries however many they are. Projects the principal may not read are left out.
 */
export async function projectOverviews(
  principal: Principal,
  projectIds: string[],
  options: Pick<SummaryOptions, "asOf" | "locale"> = {},
): Promise<Map<string, ProjectSummary>> {
  const view = dated({ ...options, depth: "overall" });
  const readable = projectIds.filter((id) => can(principal, "project.read", id));
  // One array parameter, however many projects.
  const versions = await readDb().$queryRaw<{ id: string; dataVersion: number }[]>`
    SELECT "id", "dataVersion" FROM "Project" WHERE "id" = ANY(${readable}::text[])`;
  const found = new Map<string, ProjectSummary>();
  const missing = new Map<string, { version: number; key: string }>();
  for (const { id, dataVersion } of versions) {
    const key = cacheKey(id, dataVersion, view);
    const hit = cachedSummary(key);
    if (hit) found.set(id, hit);
    else missing.set(id, { version: dataVersion, key });
  }
  if (missing.size) {
    // Overall figures need no option's values (but those an indicator is composed from).
    for (const inputs of await loadInputsOf([...missing.keys()], false, true)) {
      const summary = buildSummary(inputs, view);
      found.set(inputs.project.id, summary);
      const wanted = missing.get(inputs.project.id);
      if (wanted && summary.version === wanted.version) rememberSummary(wanted.key, summary);
    }
  }
  return found;
}

/**
 * The summaries an export needs: the whole project, and each period or round on its own. Approved
 * figures only unless a user who may see unapproved values asks for a draft.
 */
export async function exportSummaries(
  principal: Principal,
  projectId: string,
  options: { draft?: boolean; asOf?: AsOf; locale?: Locale } = {},
) {
  // One database read; the engine then runs once for the whole project and once per period or round.
  const inputs = await loadSummaryInputs(principal, projectId, Boolean(options.draft));
  if (!inputs) return null;
  const view = dated({ asOf: options.asOf, withoutTrajectory: true, locale: options.locale });
  const overall = buildSummary(inputs, view);
  const byTime = new Map(inputs.times.map((time) => [time.id, buildSummary(inputs, { ...view, timeId: time.id })]));
  return { overall, byTime, draft: inputs.includesSubmitted };
}

/** A project's indicator, as the library roll-up asks for it. */
export type IndicatorAsk = { projectId: string; indicatorId: string };

/**
 * One indicator of a project at its places over time (the library roll-up): the summary `projectSummary`
 * gives with `{ indicatorId, depth: "places" }`, and `placesAt(timeId)`, each period's or round's places as
 * that summary with `timeId` shows them (its indicator's `byLocation`), the same figures from one load and
 * one engine memo instead of a summary per period. Approved values only; null when the project is not
 * readable. Nothing here is kept in the summary cache (the roll-up keeps its own figures).
 */
export async function indicatorPlacesOverTime(
  principal: Principal,
  projectId: string,
  asked: { indicatorId: string; asOf?: AsOf },
) {
  const ask = { projectId, indicatorId: asked.indicatorId };
  return (await indicatorsPlacesOverTime(principal, [ask], { asOf: asked.asOf }))(ask);
}

/**
 * `indicatorPlacesOverTime` of several projects' indicators, loaded together in a few queries whatever their
 * number (structures 5 projects at a time; one array parameter each for the rest) and only those indicators'
 * structure and sums (and their sources', for compositions), not the projects' every indicator. Each ask's
 * figures are computed when it is answered (the returned function; it throws as projectSummary would).
 */
export async function indicatorsPlacesOverTime(
  principal: Principal,
  asks: IndicatorAsk[],
  options: { asOf?: AsOf } = {},
) {
  const view = dated({ ...options, depth: "places" });
  const readable = asks.filter((a) => can(principal, "project.read", a.projectId));
  const projectIds = [...new Set(readable.map((a) => a.projectId))];
  const asked = [...new Set(readable.map((a) => a.indicatorId))];
  const indicators = asked.length
    ? await readDb().$queryRaw<{ id: string; projectId: string; composedFromId: string | null }[]>`
        SELECT "id", "projectId", "composedFromId" FROM "Indicator" WHERE "id" = ANY(${asked}::text[])`
    : [];
  const indicatorsOf: Record<string, string[]> = {};
  for (const i of indicators) {
    indicatorsOf[i.projectId] ??= [];
    indicatorsOf[i.projectId]!.push(i.id, ...(i.composedFromId ? [i.composedFromId] : []));
  }
  const loaded = projectIds.length
    ? await loadInputsOf(projectIds, false, false, undefined, unshared, indicatorsOf)
    : [];
  const inputsOf = new Map(loaded.map((inputs) => [inputs.project.id, inputs]));
  return (ask: IndicatorAsk) => {
    // Not allowed and not found look the same, so project ids cannot be probed.
    const inputs = can(principal, "project.read", ask.projectId) ? inputsOf.get(ask.projectId) : undefined;
    if (!inputs) return null;
    const wanted = { ...view, indicatorId: ask.indicatorId };
    const summary = buildSummary(inputs, wanted);
    const indicator = inputs.project.indicators.find((i) => i.id === ask.indicatorId);
    if (!indicator) throw new UnknownFilterError("indicator");
    const { def, partials } = engineInputsOf(inputs, indicator, wanted);
    const placesOf = placesOverTime(def, partials, indicator.targets, contextOf(inputs, wanted));
    const placesAt = (timeId: string) => {
      if (!inputs.times.some((t) => t.id === timeId)) throw new UnknownFilterError("period");
      return placesOf(timeId);
    };
    return { summary, placesAt };
  };
}

export type IndicatorPlaces = NonNullable<Awaited<ReturnType<typeof indicatorPlacesOverTime>>>;
