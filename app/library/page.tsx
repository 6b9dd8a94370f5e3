import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/studies/filter-select";
import { StudyList } from "@/components/studies/study-list";
import { studyMethods, studySearchInput } from "@/lib/domain/studies/input";
import { nameFor } from "@/lib/domain/studies/text";
import { publicLibrary } from "@/lib/server/studies/public-library";

type Search = Record<string, string | string[] | undefined>;

/** The public library: search and filters in the address (a plain GET form), PUBLIC studies only. */
export default async function PublicLibraryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])),
  );
  // Only the filters this page offers; one that does not parse is dropped, the words kept.
  const offered = Object.fromEntries(
    Object.entries(raw).filter(([k]) => ["q", "type", "theme", "method", "year"].includes(k)),
  );
  const parsed = studySearchInput.safeParse(offered);
  const search = parsed.success ? parsed.data : { q: typeof raw.q === "string" ? raw.q.slice(0, 200) : "" };
  const [library, t, locale] = await Promise.all([publicLibrary(search), getTranslations("studies"), getLocale()]);
  if (!library) notFound();
  const chosen = (key: string) =>
    parsed.success ? String((parsed.data as Record<string, string | number | undefined>)[key] ?? "") : "";
  const select = (name: string, label: string, any: string, options: { value: string; label: string }[]) => (
    <FilterSelect name={name} label={label} any={any} options={options} value={chosen(name)} />
  );
  return (
    <>
      <h1>{t("publicTitle")}</h1>
      <p className="muted">{t("publicIntro")}</p>
      <search className="no-print">
        <form method="get" className="filters study-filters">
          <div className="field">
            <label htmlFor="study-q">{t("searchLabel")}</label>
            <input id="study-q" name="q" type="search" defaultValue={search.q} maxLength={200} />
          </div>
          {select(
            "type",
            t("type"),
            t("anyType"),
            library.types.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
          )}
          {select(
            "theme",
            t("theme"),
            t("anyTheme"),
            library.themes.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
          )}
          {select(
            "method",
            t("method"),
            t("anyMethod"),
            studyMethods.map((m) => ({ value: m, label: t(`methods.${m}`) })),
          )}
          <div className="field">
            <label htmlFor="study-year">{t("year")}</label>
            <input id="study-year" name="year" type="number" min={1900} max={2200} defaultValue={chosen("year")} />
          </div>
          <button type="submit">{t("search")}</button>
        </form>
      </search>
      <StudyList items={library.items} locale={locale} href={(id) => `/library/${id}`} empty={t("none")} />
    </>
  );
}
