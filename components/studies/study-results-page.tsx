// The body of a library page, the members' (/studies) and the public one (/library): a search box and the
// filters it offers in a plain GET form (the address keeps them), then the studies found. What only one of
// them has comes in as props: the members' country and project filters, filing and download links.
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { FilterSelect } from "@/components/studies/filter-select";
import { StudyList } from "@/components/studies/study-list";
import type { AddressSearch } from "@/lib/domain/studies/address";
import { studyMethods } from "@/lib/domain/studies/input";
import { nameFor } from "@/lib/domain/studies/text";
import type { StudyListItem } from "@/lib/server/studies/search";

type Named = { key: string; nameEn: string; nameEs: string };

export async function StudyResultsPage(props: {
  title: string;
  intro: string;
  address: AddressSearch;
  items: StudyListItem[];
  /** How many studies the search found in all (the page lists `items`, the first `address.shown`). */
  total: number;
  types: Named[];
  themes: Named[];
  /** The members' extra filters. */
  countries?: { isoCode: string | null; name: string }[];
  projects?: { id: string; code: string; name: string }[];
  /** Where a study's title links to. */
  href: (id: string) => string;
  /** Above the search (the members' filing links) and below it (the downloads of the list). */
  before?: ReactNode;
  after?: ReactNode;
  /** A printable page leaves the search out of print. */
  printable?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("studies"), getLocale()]);
  const { address } = props;
  const select = (name: string, label: string, any: string, options: { value: string; label: string }[]) => (
    <FilterSelect name={name} label={label} any={any} options={options} value={address.chosen(name)} />
  );
  return (
    <>
      <h1>{props.title}</h1>
      <p className="muted">{props.intro}</p>
      {props.before}
      <search className={props.printable ? "no-print" : undefined}>
        <form method="get" className="filters study-filters">
          <div className="field">
            <label htmlFor="study-q">{t("searchLabel")}</label>
            <input id="study-q" name="q" type="search" defaultValue={address.search.q} maxLength={200} />
          </div>
          {select(
            "type",
            t("type"),
            t("anyType"),
            props.types.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
          )}
          {props.countries &&
            select(
              "country",
              t("country"),
              t("anyCountry"),
              props.countries.map((c) => ({ value: c.isoCode ?? "", label: c.name })),
            )}
          {select(
            "theme",
            t("theme"),
            t("anyTheme"),
            props.themes.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
          )}
          {select(
            "method",
            t("method"),
            t("anyMethod"),
            studyMethods.map((m) => ({ value: m, label: t(`methods.${m}`) })),
          )}
          {props.projects &&
            select(
              "project",
              t("project"),
              t("anyProject"),
              props.projects.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` })),
            )}
          <div className="field">
            <label htmlFor="study-year">{t("year")}</label>
            <input
              id="study-year"
              name="year"
              type="number"
              min={1900}
              max={2200}
              defaultValue={address.chosen("year")}
            />
          </div>
          <button type="submit">{t("search")}</button>
        </form>
      </search>
      {props.after}
      <StudyList items={props.items} locale={locale} href={props.href} empty={t("none")} />
      {props.total > props.items.length && (
        // A plain link (no script): the same address listing more; past the cap, the filters narrow it.
        <p className="muted">
          {t("showing", { shown: props.items.length, total: props.total })}
          {address.more && (
            <>
              {" "}
              <a href={address.more}>{t("showMore")}</a>
            </>
          )}
        </p>
      )}
    </>
  );
}
