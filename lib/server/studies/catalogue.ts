// The library's catalogue as CSV or XLSX: one row per study the caller may read that passes the filters
// (the same search, scope and filters as the library page), in the columns the bulk import reads back
// (lib/domain/studies/catalogue.ts).
import "server-only";
import { type Principal, readableProjects } from "@/lib/domain/permissions";
import { catalogueColumns } from "@/lib/domain/studies/catalogue";
import { type CsvValue, toCsv } from "@/lib/formats/write/csv";
import { tableXlsx } from "@/lib/formats/write/table-xlsx";
import { db } from "@/lib/platform/db";
import { searchStudies } from "./search";

/** Most rows one catalogue file holds. */
export const CATALOGUE_LIMIT = 10_000;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The catalogue's rows, in the page's order; projects only those the caller may open. */
async function catalogueRows(principal: Principal | null, query: unknown): Promise<CsvValue[][]> {
  const items = await searchStudies(principal, query, CATALOGUE_LIMIT);
  const rows = await db().study.findMany({
    where: { id: { in: items.map((s) => s.id) } },
    select: {
      id: true,
      fieldworkStart: true,
      fieldworkEnd: true,
      pageCount: true,
      authors: true,
      commissionedBy: true,
      instruments: true,
      texts: { select: { language: true, abstract: true } },
      themes: { select: { themeKey: true }, orderBy: { themeKey: "asc" } },
      projects: { select: { project: { select: { id: true, code: true } } } },
      places: { select: { location: { select: { isoCode: true, level: true } } } },
    },
  });
  const more = new Map(rows.map((r) => [r.id, r]));
  const readable = principal && principal.kind === "user" ? readableProjects(principal) : [];
  const opens = (id: string) => readable === "all" || readable.includes(id);
  const text = <T extends { language: string }>(texts: T[], language: string) =>
    texts.find((t) => t.language === language);
  return items.map((s) => {
    const r = more.get(s.id);
    const row: Record<(typeof catalogueColumns)[number], CsvValue> = {
      id: s.id,
      type: s.type.key,
      title_en: text(s.texts, "en")?.title ?? "",
      title_es: text(s.texts, "es")?.title ?? "",
      languages: s.texts.map((t) => t.language).join(" "),
      published: s.publishedOn,
      method: s.method,
      countries: s.countries.map((c) => c.isoCode ?? c.name).join(" "),
      visibility: s.visibility,
      abstract_en: r && text(r.texts, "en")?.abstract,
      abstract_es: r && text(r.texts, "es")?.abstract,
      fieldwork_start: r && day(r.fieldworkStart),
      fieldwork_end: r && day(r.fieldworkEnd),
      pages: r?.pageCount,
      themes: r?.themes.map((t) => t.themeKey).join(" "),
      projects: r?.projects
        .map((p) => p.project)
        .filter((p) => opens(p.id))
        .map((p) => p.code)
        .sort()
        .join("; "),
      // The places below a country (regions, sites) that have an ISO code; the countries are their column.
      places: r?.places
        .map((p) => p.location)
        .filter((l) => l.level !== "COUNTRY" && l.isoCode)
        .map((l) => l.isoCode)
        .sort()
        .join(" "),
      authors: r?.authors,
      commissioned_by: r?.commissionedBy,
      instruments: r?.instruments,
    };
    return catalogueColumns.map((c) => row[c]);
  });
}

export async function studyCatalogueCsv(principal: Principal | null, query: unknown): Promise<string> {
  return toCsv([...catalogueColumns], await catalogueRows(principal, query));
}

export async function studyCatalogueXlsx(principal: Principal | null, query: unknown): Promise<Buffer> {
  return tableXlsx("Studies", catalogueColumns, await catalogueRows(principal, query));
}
