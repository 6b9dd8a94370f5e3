import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatFigure, formatShare } from "@/components/indicators/figure-format";
import { StatusBadge } from "@/components/indicators/status-badge";
import { type PortfolioQuery, type PortfolioRow, portfolioChoices, portfolioSorts } from "@/lib/portfolio/filter";

/** All projects with their status counts and key figures; filters and sorting are a plain GET form. */
export async function PortfolioTable({
  rows,
  all,
  query,
}: {
  rows: PortfolioRow[];
  all: PortfolioRow[];
  query: PortfolioQuery;
}) {
  const [t, format] = await Promise.all([getTranslations("portfolio"), getFormatter()]);
  const choices = portfolioChoices(all);
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
        <div className="table-scroll">
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
        </div>
      )}
    </>
  );
}
