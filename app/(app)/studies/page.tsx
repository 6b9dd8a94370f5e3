import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StudyResultsPage } from "@/components/studies/study-results-page";
import { type SearchParams, searchOfAddress } from "@/lib/domain/studies/address";
import { requireUser } from "@/lib/platform/auth/session";
import { mayImportCatalogue } from "@/lib/server/studies/catalogue-import";
import { searchStudyPage } from "@/lib/server/studies/search";
import { libraryFilters } from "@/lib/server/studies/service";

/** The library: a search box and filters kept in the address (a plain GET form), and the studies found. */
export default async function StudiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const address = searchOfAddress(await searchParams);
  const [found, filters, t] = await Promise.all([
    searchStudyPage(user, address.search, address.shown),
    libraryFilters(user),
    getTranslations("studies"),
  ]);
  const query = address.query ? `?${address.query}` : "";
  return (
    <StudyResultsPage
      title={t("title")}
      intro={t("intro")}
      address={address}
      items={found.studies}
      total={found.total}
      types={filters.types}
      themes={filters.themes}
      countries={filters.countries}
      projects={filters.projects}
      href={(id) => `/studies/${id}`}
      before={
        mayImportCatalogue(user) && (
          <p>
            <Link href="/studies/new">{t("new")}</Link> · <Link href="/studies/import">{t("importLink")}</Link>
          </p>
        )
      }
      after={
        <p>
          <a href={`/studies/catalogue.csv${query}`} download>
            {t("catalogueCsv")}
          </a>{" "}
          ·{" "}
          <a href={`/studies/catalogue.xlsx${query}`} download>
            {t("catalogueXlsx")}
          </a>
        </p>
      }
    />
  );
}
