import "server-only";
import { locationCatalogue } from "@/lib/server/projects/service";

/**
 * The places to choose from, countries named in the reader's language (on the server, so the page the
 * browser receives and the one it renders are the same); regions and sites keep their own names.
 */
export async function placeOptions(locale: string, ref: "isoCode" | "id") {
  const countries = new Intl.DisplayNames([locale, "en"], { type: "region" });
  return (await locationCatalogue()).map((p) => ({
    id: p.id,
    ref: ref === "isoCode" ? (p.isoCode ?? p.id) : p.id,
    name:
      p.level === "COUNTRY" && p.isoCode && /^[A-Z]{2}$/.test(p.isoCode) ? (countries.of(p.isoCode) ?? p.name) : p.name,
    isoCode: p.isoCode,
    depth: p.depth,
  }));
}
