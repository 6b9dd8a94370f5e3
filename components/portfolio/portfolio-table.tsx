import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/indicators/status-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatFigure, formatShare } from "@/lib/domain/format/figure-format";
import {
  type PortfolioChoices,
  type PortfolioPage,
  type PortfolioQuery,
  type PortfolioRow,
  portfolioSorts,
} from "@/lib/domain/portfolio/filter";

/** The portfolio's link to another page of the same filtered and sorted list. */
function pageHref(query: PortfolioQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  params.set("page", String(page));
  return `/projects?${params}`;
}

/**
 * Projects with their status counts and key figures, a page at a time; filters and sorting are a plain
 * GET form (applying them starts again at the first page).
 */
export async function PortfolioTable({
  listed,
  choices,
  query,
}: {
  listed: PortfolioPage<PortfolioRow>;
  choices: PortfolioChoices;
  query: PortfolioQuery;
}) {
  const [t, format] = await Promise.all([getTranslations("portfolio"), getFormatter()]);
  const { rows, page, pages } = listed;
  return (
    <>
      <form className="filters no-print" method="get" aria-label={t("filters")}>
        <label>
          {t("country")}
          <select name="country" defaultValue={query.country ?? ""}>
            <option value="">{t("allCountries")}</option>
            {choices.countries.map((c) => (
              <option key={c.isoCode} value={c.isoCode}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("donor")}
          <select name="donor" defaultValue={query.donor ?? ""}>
            <option value="">{t("allDonors")}</option>
            {choices.donors.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("sort")}
          <select name="sort" defaultValue={query.sort ?? "name"}>
            {portfolioSorts.map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("apply")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t("noMatch")}</p>
      ) : (
        <TableScroll label={t("caption")}>
          <table className="data portfolio">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("project")}</th>
                <th scope="col">{t("donor")}</th>
                <th scope="col">{t("countries")}</th>
                {(["onTrack", "atRisk", "offTrack", "noData"] as const).map((s) => (
                  <th key={s} scope="col">
                    <StatusBadge status={s} />
                  </th>
                ))}
                <th scope="col">{t("keyIndicators")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-project={r.code}>
                  <th scope="row">
                    <Link href={`/projects/${r.id}`}>{r.name}</Link>
                    <div className="muted">{r.code}</div>
                  </th>
                  <td>{r.donor}</td>
                  <td>{r.countries.map((c) => c.name).join(", ")}</td>
                  {(["onTrack", "atRisk", "offTrack", "noData"] as const).map((s) => (
                    <td key={s} data-col={s}>
                      {r.statusCounts[s]}
                    </td>
                  ))}
                  <td className="key-indicators">
                    <ul>
                      {r.keyIndicators.map((k) => (
                        <li key={k.id}>
                          <span title={k.title}>{k.code}</span>:{" "}
                          {formatFigure(format, k.measure, k.actual, t("noData"))} /{" "}
                          {formatFigure(format, k.measure, k.target, "–")} ({formatShare(format, k.achievement)}){" "}
                          <StatusBadge status={k.status} />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {pages > 1 && (
        <nav className="pager no-print" aria-label={t("pages")}>
          <span>{t("showing", { from: listed.from, to: listed.to, total: listed.total })}</span>
          {page > 1 && (
            <Link href={pageHref(query, page - 1)} rel="prev">
              {t("previous")}
            </Link>
          )}
          {page < pages && (
            <Link href={pageHref(query, page + 1)} rel="next">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
