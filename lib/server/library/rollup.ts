// The roll-up of one library indicator across the projects that report it (#34), for the caller: only
// the projects they may open count. Each project's figures come from its summary's engine
// (lib/server/summary: the whole time for life targets, and each period on its own for the values, from
// one load and one engine pass; kept per data version in ./series-cache), at its working places (a
// country's own values beside its regions are a row of their own, rule 11), and are combined by the pure
// engine (lib/domain/rollup/).
import "server-only";
import { AsOf } from "@/lib/domain/as-of";
import { regionRows } from "@/lib/domain/engine/regions";
import { unitsCompatible } from "@/lib/domain/library/link-check";
import type { Principal } from "@/lib/domain/permissions";
import {
  type GroupBy,
  noTheme,
  type ProjectSeries,
  type RollupPlace,
  type RollupTarget,
  type RollupValue,
  rollUp,
  yearSeries,
  yearWindow,
  yearWindows,
} from "@/lib/domain/rollup";
import { db } from "@/lib/platform/db";
import { log } from "@/lib/platform/ops/log";
import { allOf, readableProjectsWhere } from "@/lib/server/access/scoped-list";
import { rollupNeed } from "@/lib/server/population/coverage";
import { type IndicatorAsk, type IndicatorPlaces, indicatorsPlacesOverTime } from "@/lib/server/summary/service";
import { type LinkVersion, persistedLinkFigures, persistLinkFigures } from "./persisted-figures";
import { listRegions } from "./regions";
import {
  keepLinkFigures,
  keepsLinkFigures,
  type LinkFigures,
  type LinkKey,
  linkFigures,
  regionsKey,
} from "./series-cache";

export type RollupOptions = { by: GroupBy; year: number | null; asOf?: AsOf };

/** The roll-up's key of the countries in no region of the organisation's ("No region"). */
export const noRegion = "";

type PlaceRow = { id: string; parentId: string | null; level: string; isoCode: string | null; name: string };

/** Each place with its ancestors (country first), its country and the country's region (by key), from the shared tree of places. */
export async function placesOf(
  ids: string[],
  regionOf: Map<string, string>,
): Promise<Map<string, RollupPlace & { countryName: string }>> {
  const known = new Map<string, PlaceRow>();
  let wanted = [...new Set(ids)];
  // The tree is at most four levels deep (country, admin 1, admin 2, site).
  for (let depth = 0; depth < 5 && wanted.length; depth++) {
    const rows = await db().location.findMany({
      where: { id: { in: wanted } },
      select: { id: true, parentId: true, level: true, isoCode: true, name: true },
    });
    for (const row of rows) known.set(row.id, row);
    wanted = rows.map((r) => r.parentId).filter((id): id is string => id !== null && !known.has(id));
  }
  const result = new Map<string, RollupPlace & { countryName: string }>();
  for (const id of ids) {
    const chain: PlaceRow[] = [];
    for (let row = known.get(id); row; row = row.parentId ? known.get(row.parentId) : undefined) chain.unshift(row);
    const country = chain.find((r) => r.level === "COUNTRY") ?? chain[0];
    const code = country?.isoCode ?? country?.name ?? id;
    result.set(id, {
      placeId: id,
      ancestorIds: chain.slice(0, -1).map((r) => r.id),
      country: code,
      countryName: country?.name ?? id,
      region: regionOf.get(code) ?? noRegion,
    });
  }
  return result;
}

type Link = {
  indicatorId: string;
  indicator: {
    timeRule: "NON_CUMULATIVE" | "CUMULATIVE";
    project: {
      id: string;
      code: string;
      name: string;
      donor: string;
      dataVersion: number;
      themes: { themeKey: string }[];
    };
  };
};

/** Projects loaded together: enough to save most queries, few enough to bound what one load holds. */
const PROJECTS_PER_BATCH = 25;

type PlacesLoad = (ask: IndicatorAsk) => Promise<IndicatorPlaces | null>;

/**
 * The loads of one roll-up: every project whose figures are not kept asks in the same turn, and they are
 * loaded together, a batch at a time (indicatorsPlacesOverTime), instead of each on its own.
 */
function batchedPlaces(principal: Principal, asOf: AsOf): PlacesLoad {
  type Waiting = { ask: IndicatorAsk; resolve: (found: IndicatorPlaces | null) => void; reject: (e: unknown) => void };
  let waiting: Waiting[] = [];
  const load = async () => {
    const all = waiting;
    waiting = [];
    for (let i = 0; i < all.length; i += PROJECTS_PER_BATCH) {
      const batch = all.slice(i, i + PROJECTS_PER_BATCH);
      try {
        const answer = await indicatorsPlacesOverTime(
          principal,
          batch.map((w) => w.ask),
          { asOf },
        );
        for (const w of batch) {
          try {
            w.resolve(answer(w.ask));
          } catch (e) {
            w.reject(e);
          }
        }
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
  };
  return (ask) =>
    new Promise((resolve, reject) => {
      if (waiting.length === 0) queueMicrotask(() => void load());
      waiting.push({ ask, resolve, reject });
    });
}

/** One project's series of the linked indicator: its figures (kept per data version) with its current names. */
async function seriesOf(
  link: Link,
  asOf: AsOf,
  regionOf: Map<string, string>,
  regions: string,
  load: PlacesLoad,
  onKept: (key: LinkKey, figures: LinkFigures) => void,
) {
  const key = linkKey(link, asOf, regions);
  const figures = await linkFigures(
    key,
    () => figuresOf(link, asOf, regionOf, load),
    (made) => onKept(key, made),
  );
  const { project } = link.indicator;
  if (!figures) return null;
  const series: ProjectSeries = {
    projectId: project.id,
    code: project.code,
    name: project.name,
    donor: project.donor,
    themes: project.themes.map((t) => t.themeKey),
    timeRule: link.indicator.timeRule,
    values: figures.values,
    targets: figures.targets,
  };
  return { series, countryNames: figures.countryNames };
}

/** One project's figures of the linked indicator at its working places: per period, and its life targets. */
async function figuresOf(
  link: Link,
  asOf: AsOf,
  regionOf: Map<string, string>,
  load: PlacesLoad,
): Promise<{ figures: LinkFigures | null; versions: (number | null)[] }> {
  const { project } = link.indicator;
  // One load and one engine memo for the whole time and every period (not a summary per period).
  const over = await load({ projectId: project.id, indicatorId: link.indicatorId });
  const whole = over?.summary;
  const indicator = whole?.indicators.find((i) => i.indicator.id === link.indicatorId);
  if (!over || !whole || !indicator) return { figures: null, versions: [] };
  const versions: (number | null)[] = [whole.version];
  const rowsOf = (byLocation: typeof indicator.byLocation) =>
    regionRows({ byLocation }).map((row) => ({ placeId: row.ownValuesOf ?? row.id, figure: row }));
  const lifeRows = rowsOf(indicator.byLocation).filter((r) => r.figure.target !== null);
  const periods = whole.times.filter((t) => t.startDate <= asOf.date);
  const perPeriod = periods.map((time) => rowsOf(over.placesAt(time.id)).map((r) => ({ ...r, time })));
  const periodRows = perPeriod.flat();
  const places = await placesOf(
    [...lifeRows, ...periodRows].map((r) => r.placeId),
    regionOf,
  );
  const placeOf = (id: string) => places.get(id)!;
  const values: RollupValue[] = periodRows
    .filter((r) => r.figure.actual !== null)
    .map((r) => ({
      ...placeOf(r.placeId),
      value: r.figure.actual,
      numerator: r.figure.numerator,
      denominator: r.figure.denominator,
      start: r.time.startDate,
      end: r.time.endDate,
    }));
  const amountOf = (target: number | null) => ({ value: target, numerator: null, denominator: null });
  const targets: RollupTarget[] = [
    ...lifeRows.map((r) => ({ ...placeOf(r.placeId), ...amountOf(r.figure.target), start: null, end: null })),
    ...periodRows
      .filter((r) => r.figure.target !== null && r.figure.explanation.target !== "none")
      .map((r) => ({
        ...placeOf(r.placeId),
        ...amountOf(r.figure.target),
        start: r.time.startDate,
        end: r.time.endDate,
      })),
  ];
  const countryNames = [...places.values()].map((p) => [p.country, p.countryName] as const);
  return { figures: { values, targets, countryNames }, versions };
}

const linkKey = (link: Link, asOf: AsOf, regions: string): LinkKey => ({
  indicatorId: link.indicatorId,
  dataVersion: link.indicator.project.dataVersion,
  asOf,
  regions,
});

/** Keeps in this process the persisted figures of the links it does not keep yet (one statement). */
async function keepPersisted(links: Link[], asOf: AsOf, regions: string) {
  const missing = links.map((link) => linkKey(link, asOf, regions)).filter((key) => !keepsLinkFigures(key));
  const persisted = await persistedLinkFigures(missing, asOf.toKey(), regions);
  for (const key of missing) {
    const figures = persisted.get(key.indicatorId);
    if (figures) keepLinkFigures(key, figures);
  }
}

/**
 * The library indicator rolled up for the caller: target vs achieved in groups (by country, region, donor
 * or in all) for a year or all time, the years there are figures for, and the projects counted; null when the
 * library indicator does not exist or the caller is not a signed-in user.
 */
export async function libraryRollup(principal: Principal, libraryIndicatorId: string, options: RollupOptions) {
  if (principal.kind !== "user") return null;
  const library = await db().libraryIndicator.findUnique({ where: { id: libraryIndicatorId } });
  if (!library) return null;
  const asOf = options.asOf ?? AsOf.today();
  const all = await db().libraryLink.findMany({
    where: allOf(
      { libraryIndicatorId },
      { indicator: { archivedAt: null, project: readableProjectsWhere(principal) } },
      { indicator: { project: { archivedAt: null } } },
    ),
    select: {
      indicatorId: true,
      indicator: {
        select: {
          code: true,
          measure: true,
          unit: true,
          timeRule: true,
          project: {
            select: {
              id: true,
              code: true,
              name: true,
              donor: true,
              dataVersion: true,
              themes: { select: { themeKey: true } },
            },
          },
        },
      },
    },
  });
  // A second guard behind the link check (writeLink, saveIndicator): a link whose indicator no longer has
  // the library's measure and unit is left out of the sums, and named.
  const fits = (l: (typeof all)[number]) =>
    l.indicator.measure === library.measure && unitsCompatible(library.unit, l.indicator.unit, library.measure);
  const links = all.filter(fits);
  const skipped = all
    .filter((l) => !fits(l))
    .map((l) => ({ projectCode: l.indicator.project.code, indicatorCode: l.indicator.code }));
  const regions = await listRegions();
  const regionOf = new Map(regions.flatMap((r) => r.countries.map((c) => [c, r.key] as const)));
  const regionsSignature = regionsKey(regionOf);
  // Today's figures not kept in this process are read from those persisted (by any instance) first;
  // those made here are persisted after.
  const today = asOf.toKey() === AsOf.today().toKey();
  if (today) await keepPersisted(links, asOf, regionsSignature);
  const made: (LinkVersion & { figures: LinkFigures })[] = [];
  const onKept = (key: LinkKey, figures: LinkFigures) => made.push({ ...key, figures });
  const load = batchedPlaces(principal, asOf);
  const found = (
    await Promise.all(links.map((link) => seriesOf(link, asOf, regionOf, regionsSignature, load, onKept)))
  ).filter((s) => s !== null);
  // Persisting only spares other views the work: a failure (another instance writing the same rows) is logged.
  if (today)
    await persistLinkFigures(made, asOf.toKey(), regionsSignature).catch((error) =>
      log.warn({ err: error, libraryIndicatorId }, "roll-up figures not persisted"),
    );
  const series = found.map((f) => f.series);
  const years = yearWindows(series);
  const window =
    options.year === null ? null : (years.find((y) => y.year === options.year)?.window ?? yearWindow(options.year));
  const figures = rollUp(library.rollupRule, series, options.by, window);
  return {
    library,
    asOf,
    figures,
    /** People reached over people in need, by group (null unless the indicator sums people; rule 14). */
    coverage: await rollupNeed(library, figures, series, window, asOf),
    overTime: yearSeries(library.rollupRule, series),
    years: years.map((y) => y.year),
    countryNames: Object.fromEntries(found.flatMap((f) => f.countryNames)),
    regionNames: Object.fromEntries(regions.map((r) => [r.key, { en: r.nameEn, es: r.nameEs }])),
    /** The themes' names of the theme groups (the one catalogue, StudyTheme). */
    themeNames: Object.fromEntries(
      (options.by === "theme" ? await db().studyTheme.findMany() : []).map((t) => [
        t.key,
        { en: t.nameEn, es: t.nameEs },
      ]),
    ),
    projects: series
      .map((s) => ({ id: s.projectId, code: s.code, name: s.name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    /** Links left out because their indicator's measure or unit no longer is the library's. */
    skipped,
  };
}

export type LibraryRollup = NonNullable<Awaited<ReturnType<typeof libraryRollup>>>;

/** A group's name as the page and the files show it: the country's or region's name, "No region", "All projects". */
export function rollupGroupName(
  rolled: Pick<LibraryRollup, "countryNames" | "regionNames"> & Partial<Pick<LibraryRollup, "themeNames">>,
  by: GroupBy,
  key: string,
  locale: string,
  labels: { noRegion: string; allProjects: string; noTheme?: string },
): string {
  switch (by) {
    case "country":
      return rolled.countryNames[key] ?? key;
    case "region": {
      const names = rolled.regionNames[key];
      return key === noRegion || !names ? labels.noRegion : locale === "es" ? names.es : names.en;
    }
    case "total":
      return labels.allProjects;
    case "donor":
      return key || "–";
    case "theme": {
      const names = rolled.themeNames?.[key];
      if (key === noTheme || !names) return labels.noTheme ?? "No theme";
      return locale === "es" ? names.es : names.en;
    }
  }
}
