// The organisation dashboard's "Status by country" (#34): a GET form for its filters (kept in the URL,
// no client script) and per country the summed status counts and the projects behind them.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import { allStatuses } from "@/lib/domain/engine/schedule";
import type { statusByCountry } from "@/lib/server/library/status-by-country";

type Props = { data: Awaited<ReturnType<typeof statusByCountry>> };

export async function StatusByCountry({ data }: Props) {
  const [t, tStatus, locale] = await Promise.all([
    getTranslations("organisation"),
    getTranslations("status"),
    getLocale(),
  ]);
  const { filters, regions, donors, countries } = data;
  return (
    <section aria-labelledby="status-by-country">
      <h2 id="status-by-country">{t("statusByCountryTitle")}</h2>
      <p className="muted">{t("statusByCountryNote")}</p>
      <form method="get" className="inline-actions" aria-label={t("statusByCountryFilters")}>
        <label>
          {t("filterRegion")}{" "}
          <select name="region" defaultValue={filters.region ?? ""}>
            <option value="">{t("anyRegion")}</option>
            {regions.map((r) => (
              <option key={r.key} value={r.key}>
                {locale === "es" ? r.nameEs : r.nameEn}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filterDonor")}{" "}
          <select name="donor" defaultValue={filters.donor ?? ""}>
            <option value="">{t("anyDonor")}</option>
            {donors.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <button className="button secondary" type="submit">
          {t("apply")}
        </button>
      </form>
      {countries.length === 0 ? (
        <p>{t("noCountries")}</p>
      ) : (
        <TableScroll label={t("statusByCountryTitle")}>
          <table className="data" data-testid="status-by-country">
            <caption>{t("statusByCountryTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("country")}</th>
                {allStatuses.map((s) => (
                  <th scope="col" key={s}>
                    {tStatus(s)}
                  </th>
                ))}
                <th scope="col">{t("projectsBehind")}</th>
              </tr>
            </thead>
            <tbody>
              {countries.map((c) => (
                <tr key={c.code} data-country={c.code}>
                  <th scope="row">{c.name}</th>
                  {allStatuses.map((s) => (
                    <td key={s} data-status={s}>
                      {c.statusCounts[s]}
                    </td>
                  ))}
                  <td>
                    <ul className="plain">
                      {c.projects.map((p) => (
                        <li key={p.id}>
                          <Link href={`/projects/${p.id}`}>
                            {p.code} {p.name}
                          </Link>{" "}
                          <span className="muted">
                            (
                            {allStatuses
                              .filter((s) => p.statusCounts[s] > 0)
                              .map((s) => `${tStatus(s)} ${p.statusCounts[s]}`)
                              .join(", ") || t("noIndicators")}
                            )
                          </span>
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
    </section>
  );
}
