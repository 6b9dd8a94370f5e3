import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LibraryIndicatorForm } from "@/components/organisation/library-indicator-form";
import { RegionForm } from "@/components/organisation/region-form";
import { StatusByCountry } from "@/components/organisation/status-by-country";
import { TableScroll } from "@/components/ui/table-scroll";
import type { Locale } from "@/lib/domain/i18n/config";
import { can } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/platform/auth/session";
import { listRegions } from "@/lib/server/library/regions";
import { libraryFormOptions, listLibrary } from "@/lib/server/library/service";
import { statusByCountry } from "@/lib/server/library/status-by-country";

/** The organisation's picture: its standard indicators, the most reported first (among the caller's projects). */
export default async function OrganisationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [library, regions, byCountry, t, tPopulation, locale] = await Promise.all([
    listLibrary(user),
    listRegions(),
    searchParams.then((search) => statusByCountry(user, search)),
    getTranslations("organisation"),
    getTranslations("population"),
    getLocale(),
  ]);
  const formOptions = can(user, "library.manage") ? await libraryFormOptions(user, locale as Locale) : null;
  const active = library
    .filter((l) => !l.archivedAt)
    .sort((a, b) => b.projectCount - a.projectCount || a.code.localeCompare(b.code));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <p>
        <Link href="/organisation/population">{tPopulation("link")}</Link>
      </p>
      {active.length === 0 ? (
        <p>{t("emptyLibrary")}</p>
      ) : (
        <TableScroll label={t("libraryTitle")}>
          <table className="data" data-testid="library">
            <caption>{t("libraryTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("code")}</th>
                <th scope="col">{t("indicator")}</th>
                <th scope="col">{t("rule")}</th>
                <th scope="col">{t("projectCount")}</th>
              </tr>
            </thead>
            <tbody>
              {active.map((l) => (
                <tr key={l.id} data-library={l.code}>
                  <td>{l.code}</td>
                  <th scope="row">
                    <Link href={`/organisation/indicators/${l.id}`}>{locale === "es" ? l.nameEs : l.nameEn}</Link>
                  </th>
                  <td>{t(`rules.${l.rollupRule}`)}</td>
                  <td>{l.projectCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {formOptions && <LibraryIndicatorForm measures={formOptions.measures} dimensions={formOptions.dimensions} />}

      <StatusByCountry data={byCountry} />

      <h2>{t("regionsTitle")}</h2>
      {regions.length === 0 ? (
        <p>{t("noRegions")}</p>
      ) : (
        <TableScroll label={t("regionsTitle")}>
          <table className="data" data-testid="regions">
            <caption>{t("regionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("regionKey")}</th>
                <th scope="col">{t("regionName")}</th>
                <th scope="col">{t("regionCountries")}</th>
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.key} data-region={r.key}>
                  <td>{r.key}</td>
                  <th scope="row">{locale === "es" ? r.nameEs : r.nameEn}</th>
                  <td>{r.countries.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {formOptions && <RegionForm />}
    </>
  );
}
