import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StudyResultsPage } from "@/components/studies/study-results-page";
import { type SearchParams, searchOfAddress } from "@/lib/domain/studies/address";
import { publicLibrary } from "@/lib/server/studies/public-library";

/** The public library: search and filters in the address (a plain GET form), PUBLIC studies only. */
export default async function PublicLibraryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Only the filters this page offers.
  const address = searchOfAddress(await searchParams, ["q", "type", "theme", "method", "year"]);
  const [library, t] = await Promise.all([publicLibrary(address.search, address.shown), getTranslations("studies")]);
  if (!library) notFound();
  return (
    <StudyResultsPage
      title={t("publicTitle")}
      intro={t("publicIntro")}
      address={address}
      items={library.items}
      total={library.total}
      types={library.types}
      themes={library.themes}
      href={(id) => `/library/${id}`}
      printable
    />
  );
}
