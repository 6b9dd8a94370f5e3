import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CoverageCell } from "@/components/organisation/coverage-cell";
import { RollupCharts } from "@/components/organisation/rollup-charts";
import { TableScroll } from "@/components/ui/table-scroll";
import { AsOf } from "@/lib/domain/as-of";
import { formatCounts, formatFigure } from "@/lib/domain/format/figure-format";
import { requireUser } from "@/lib/platform/auth/session";
import { libraryRollup, type RollupOptions, rollupGroupName } from "@/lib/server/library/rollup";
import { libraryIndicatorView } from "@/lib/server/library/service";
import { countryMap } from "@/lib/server/maps/country-map";

type Search = Record<string, string | string[] | undefined>;

const groupings = ["country", "region", "donor", "theme", "total"] as const;

/** The page's filters from its address: grouping and year; anything else is the default. */
function filtersOf(search: Search): RollupOptions {
  const by = groupings.find((g) => g === search.by) ?? "country";
  const year = typeof search.year === "string" && /^\d{4}$/.test(search.year) ? Number(search.year) : null;
  return { by, year, asOf: AsOf.fromSearch(search.asOf) ?? AsOf.today() };
}

/** One library indicator: target vs achieved across the caller's projects that report it, and those projects. */
export default async function LibraryIndicatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ libraryId: string }>;
  searchParams: Promise<Search>;
}) {
  const user = await requireUser();
  const [{ libraryId }, search] = await Promise.all([params, searchParams]);
  const filters = filtersOf(search);
  const [view, rolled, t, tPopulation, format, locale] = await Promise.all([
    libraryIndicatorView(user, libraryId),
    libraryRollup(user, libraryId, filters),
    getTranslations("organisation"),
    getTranslations("population"),
    getFormatter(),
    getLocale(),
  ]);
  if (!view || !rolled) notFound();
  const { indicator } = view;
  const figure = (v: number | null) => formatFigure(format, indicator.measure, v, "–");
  const groupName = (key: string) =>
    rollupGroupName(rolled, filters.by, key, locale, {
      noRegion: t("noRegion"),
      allProjects: t("allProjects"),
      noTheme: t("noTheme"),
    });
  // By country: the countries' achieved figures on a map, where the projects have their outlines.
  const drawn =
    filters.by === "country" && indicator.rollupRule !== "NONE"
      ? await countryMap(
          user,
          rolled.figures.map((f) => f.key),
        )
      : null;
  const countryFigures = drawn
    ? Object.entries(drawn.codeOf).flatMap(([locationId, code]) => {
        const value = rolled.figures.find((f) => f.key === code)?.actual.value ?? null;
        return value === null ? [] : [{ locationId, status: "notAssessed" as const, label: figure(value) }];
      })
    : [];
  // The filters as the page's address has them, for the export links (the files carry them too).
  const query = new URLSearchParams({
    by: filters.by,
    ...(filters.year !== null ? { year: String(filters.year) } : {}),
    ...(typeof search.asOf === "string" && AsOf.fromSearch(search.asOf) ? { asOf: search.asOf } : {}),
  }).toString();
  return (
    <>
      <p>
        <Link href="/organisation">{t("title")}</Link>
      </p>
      <h1>
        {indicator.code}: {locale === "es" ? indicator.nameEs : indicator.nameEn}
      </h1>
      {indicator.definition && <p>{indicator.definition}</p>}
      <p className="muted">
        {t("describe", {
          unit: indicator.unit || "–",
          rule: t(`rules.${indicator.rollupRule}`),
          dimensions: indicator.dimensionKeys.join(", ") || "–",
        })}
      </p>

      <form method="get" className="inline-actions" aria-label={t("filters")}>
        <label>
          {t("by")}{" "}
          <select name="by" defaultValue={filters.by}>
            {groupings.map((g) => (
              <option key={g} value={g}>
                {t(`groupings.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("year")}{" "}
          <select name="year" defaultValue={filters.year ?? ""}>
            <option value="">{t("allYears")}</option>
            {rolled.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button className="button secondary" type="submit">
          {t("apply")}
        </button>
      </form>

      <h2>{t("rollupTitle")}</h2>
      {indicator.rollupRule === "NONE" && <p>{t("notRolledUp")}</p>}
      {rolled.figures.length === 0 ? (
        <p>{t("noFigures")}</p>
      ) : (
        <TableScroll label={t("rollupTitle")}>
          <table className="data" data-testid="rollup">
            <caption>
              {t("rollupCaption", {
                asOf: format.dateTime(rolled.asOf.date, { dateStyle: "medium", timeZone: "UTC" }),
              })}
              {filters.by === "theme" && <> {t("themeOverlapNote")}</>}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(`groupings.${filters.by}`)}</th>
                <th scope="col">{t("target")}</th>
                <th scope="col">{t("achieved")}</th>
                {rolled.coverage && <th scope="col">{tPopulation("coverage")}</th>}
                <th scope="col">{t("explanation")}</th>
              </tr>
            </thead>
            <tbody>
              {rolled.figures.map((f) => (
                <tr key={f.key} data-group={f.key}>
                  <th scope="row">{groupName(f.key)}</th>
                  <td data-col="target">{figure(f.target?.value ?? null)}</td>
                  <td data-col="achieved">
                    {figure(f.actual.value)}
                    {f.rule === "RATIO" && f.actual.value !== null && (
                      <>
                        <br />
                        <span className="muted">{formatCounts(format, f.actual.numerator, f.actual.denominator)}</span>
                      </>
                    )}
                  </td>
                  {rolled.coverage && (
                    <td data-col="coverage">
                      <CoverageCell need={rolled.coverage[f.key]} />
                    </td>
                  )}
                  <td data-col="explanation">
                    <ul className="plain">
                      {f.contributions.map((c, i) => (
                        // A project contributes once per figure (one link per project), the index keeps keys unique regardless.
                        <li key={`${c.projectId}:${i}`}>
                          {t("contribution", {
                            project: c.code,
                            value: figure(c.actual.value),
                            target: figure(c.target?.value ?? null),
                            places: c.placeIds.length,
                            periods: c.periodCount,
                          })}
                          {c.straddling > 0 && ` ${t("straddling", { count: c.straddling })}`}
                        </li>
                      ))}
                    </ul>
                    {f.targetBasis === "equalWeights" && <p className="muted">{t("targetEqualWeights")}</p>}
                    {f.targetMissing.length > 0 && (
                      <p role="note" data-testid="target-missing">
                        {t("targetMissing", {
                          covered: f.contributions.length - f.targetMissing.length,
                          total: f.contributions.length,
                          projects: f.targetMissing.map((c) => c.code).join(", "),
                          missing: f.targetMissing.length,
                        })}
                      </p>
                    )}
                    {f.overlap && (
                      <p role="note" data-testid="overlap">
                        {t("overlap", {
                          projects: f.overlap.groups
                            .map((g) =>
                              g.projectIds
                                .map((id) => f.contributions.find((c) => c.projectId === id)?.code ?? id)
                                .join(" + "),
                            )
                            .join("; "),
                        })}
                        {f.overlap.sum !== null &&
                          ` ${t("overlapFigures", { sum: figure(f.overlap.sum), max: figure(f.overlap.max) })}`}
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {indicator.rollupRule !== "NONE" && rolled.figures.length > 0 && (
        <RollupCharts
          measure={indicator.measure}
          subject={`${indicator.code}: ${locale === "es" ? indicator.nameEs : indicator.nameEn}`}
          filename={`rollup-${indicator.code}`}
          text={{
            byGroup: t("chartByGroup", { group: t(`groupings.${filters.by}`) }),
            overTime: t("chartOverTime"),
            group: t(`groupings.${filters.by}`),
            target: t("target"),
            achieved: t("achieved"),
            year: t("yearColumn"),
            inYear: t("achievedInYear"),
            targetInYear: t("targetInYear"),
            toDate: t("achievedToDate"),
            map: t("mapTitle"),
          }}
          groups={rolled.figures.map((f) => ({
            key: f.key,
            label: groupName(f.key),
            target: f.target?.value ?? null,
            achieved: f.actual.value,
          }))}
          years={rolled.overTime.map((y) => ({
            year: y.year,
            achieved: y.actual.value,
            target: y.target?.value ?? null,
            toDate: y.toDate.value,
          }))}
          map={drawn && countryFigures.length ? { map: drawn.map, figures: countryFigures } : null}
        />
      )}

      <nav aria-label={t("downloads")} className="inline-actions" data-testid="rollup-downloads">
        <span>{t("downloads")}:</span>
        {(["csv", "xlsx", "pdf"] as const).map((ext) => (
          <a
            key={ext}
            className="button secondary"
            href={`/api/v1/library/indicators/${libraryId}/rollup.${ext}?${query}`}
          >
            {t(`download${ext === "csv" ? "Csv" : ext === "xlsx" ? "Xlsx" : "Pdf"}`)}
          </a>
        ))}
      </nav>

      <h2>{t("projectsTitle")}</h2>
      {view.projects.length === 0 ? (
        <p>{t("noProjects")}</p>
      ) : (
        <ul data-testid="linked-projects">
          {view.projects.map((p) => (
            <li key={p.indicator.id}>
              <Link href={`/projects/${p.project.id}`}>
                {p.project.code} · {p.project.name}
              </Link>
              : {p.indicator.code} {p.indicator.title}
              {p.options.length > 0 &&
                ` (${p.options.map((o) => `${o.dimensionKey}.${o.optionKey} → ${o.option.name}`).join(", ")})`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
