// A library page's address as a search (the members' /studies and the public /library read theirs alike):
// the filters the page offers, each dropped when it does not parse (the words kept, cut to length).
import { type StudySearch, studySearchInput } from "./input";

export type SearchParams = Record<string, string | string[] | undefined>;

export type AddressSearch = {
  search: StudySearch | { q: string };
  /** A filter's value as chosen, "" when none (or when the address did not parse). */
  chosen: (key: string) => string;
  /** The address's filters as a query string (for the downloads of the same list); "" when it did not parse. */
  query: string;
};

export function searchOfAddress(params: SearchParams, offered?: readonly string[]): AddressSearch {
  const raw = Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) =>
      typeof v === "string" && v !== "" && (!offered || offered.includes(k)) ? [[k, v]] : [],
    ),
  );
  const parsed = studySearchInput.safeParse(raw);
  const words = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  return {
    search: parsed.success ? parsed.data : { q: words },
    chosen: (key) =>
      parsed.success ? String((parsed.data as Record<string, string | number | undefined>)[key] ?? "") : "",
    query: parsed.success ? new URLSearchParams(raw as Record<string, string>).toString() : "",
  };
}
