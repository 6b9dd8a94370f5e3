import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/studies/filter-select";
import { StudyList } from "@/components/studies/study-list";
import { studyMethods, studySearchInput } from "@/lib/domain/studies/input";
import { nameFor } from "@/lib/domain/studies/text";
import { requireUser } from "@/lib/platform/auth/session";
import { searchStudies } from "@/lib/server/studies/search";
import { libraryFilters } from "@/lib/server/studies/service";

type Search = Record<string, string | string[] | undefined>;

/** The library: a search box and filters kept in the address (a plain GET form), and the studies found. */
export default async function StudiesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])),
  );
  // A filter that does not parse is dropped, the others kept.
  const parsed = studySearchInput.safeParse(raw);
  const search = parsed.success ? parsed.data : { q: typeof raw.q === "string" ? raw.q.slice(0, 200) : "" };
  const [items, filters, t, locale] = await Promise.all([
    searchStudies(user, search),
    libraryFilters(user),
    getTranslations("studies"),
    getLocale(),
  ]);
  const chosen = (key: string) =>
    parsed.success ? String((parsed.data as Record<string, string | number | undefined>)[key] ?? "") : "";
  const select = (name: string, label: string, any: string, options: { value: string; label: string }[]) => (
    <FilterSelect name={name} label={label} any={any} options={options} value={chosen(name)} />
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {filters.projects.length > 0 && (
        <p>
          <Link href="/studies/new">{t("new")}</Link>
        </p>
      )}
      <search>
        <form method="get" className="filters study-filters">
          <div className="field">
            <label htmlFor="study-q">{t("searchLabel")}</label>
            <input id="study-q" name="q" type="search" defaultValue={search.q} maxLength={200} />
          </div>
          {select(
            "type",
            t("type"),
            t("anyType"),
            filters.types.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
          )}
          {select(
            "country",
            t("country"),
            t("anyCountry"),
            filters.countries.map((c) => ({ value: c.isoCode ?? "", label: c.name })),
          )}
          {select(
            "theme",
            t("theme"),
            t("anyTheme"),
            filters.themes.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
          )}
          {select(
            "method",
            t("method"),
            t("anyMethod"),
            studyMethods.map((m) => ({ value: m, label: t(`methods.${m}`) })),
          )}
          {select(
            "project",
            t("project"),
            t("anyProject"),
            filters.projects.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` })),
          )}
          <div className="field">
            <label htmlFor="study-year">{t("year")}</label>
            <input id="study-year" name="year" type="number" min={1900} max={2200} defaultValue={chosen("year")} />
          </div>
          <button type="submit">{t("search")}</button>
        </form>
      </search>
      <p>
        <a
          href={`/studies/catalogue.csv${parsed.success ? `?${new URLSearchParams(raw as Record<string, string>)}` : ""}`}
          download
        >
          {t("catalogueCsv")}
        </a>
      </p>
      <StudyList items={items} locale={locale} href={(id) => `/studies/${id}`} empty={t("none")} />
    </>
  );
}
