// The library's catalogue as CSV: one row per study the caller may read that passes the filters (the same
// search, scope and filters as the library page), with stable column names.
import "server-only";
import type { Principal } from "@/lib/domain/permissions";
import { toCsv } from "@/lib/formats/write/csv";
import { searchStudies } from "./search";

/** Most rows one catalogue file holds. */
export const CATALOGUE_LIMIT = 10_000;

export async function studyCatalogueCsv(principal: Principal | null, query: unknown): Promise<string> {
  const items = await searchStudies(principal, query, CATALOGUE_LIMIT);
  const header = ["id", "type", "title_en", "title_es", "languages", "published", "method", "countries", "visibility"];
  const title = (texts: { language: string; title: string }[], language: string) =>
    texts.find((t) => t.language === language)?.title ?? "";
  return toCsv(
    header,
    items.map((s) => [
      s.id,
      s.type.key,
      title(s.texts, "en"),
      title(s.texts, "es"),
      s.texts.map((t) => t.language).join(" "),
      s.publishedOn,
      s.method,
      s.countries.map((c) => c.isoCode ?? c.name).join(" "),
      s.visibility,
    ]),
  );
}
