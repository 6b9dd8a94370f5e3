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
  /** How many studies the page lists: `shown` in the address, by steps of SHOWN_STEP up to SHOWN_MAX. */
  shown: number;
  /** The address listing SHOWN_STEP more ("?…"), or null when the page already lists SHOWN_MAX. */
  more: string | null;
};

export const SHOWN_STEP = 50;
/** A page lists at most this many: past it, the words or filters narrow the list (the search ranks each page whole). */
export const SHOWN_MAX = 500;

/** `shown` from the address: a whole number, raised to a step and capped; anything else the first step. */
export function shownOf(value: string | string[] | undefined): number {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : SHOWN_STEP;
  return Math.min(SHOWN_MAX, Math.max(SHOWN_STEP, Math.ceil(n / SHOWN_STEP) * SHOWN_STEP));
}

export function searchOfAddress(params: SearchParams, offered?: readonly string[]): AddressSearch {
  const raw = Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) =>
      typeof v === "string" && v !== "" && k !== "shown" && (!offered || offered.includes(k)) ? [[k, v]] : [],
    ),
  );
  const parsed = studySearchInput.safeParse(raw);
  const words = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const shown = shownOf(params.shown);
  const kept: Record<string, string> = parsed.success ? (raw as Record<string, string>) : words ? { q: words } : {};
  return {
    shown,
    more: shown < SHOWN_MAX ? `?${new URLSearchParams({ ...kept, shown: String(shown + SHOWN_STEP) })}` : null,
    search: parsed.success ? parsed.data : { q: words },
    chosen: (key) =>
      parsed.success ? String((parsed.data as Record<string, string | number | undefined>)[key] ?? "") : "",
    query: parsed.success ? new URLSearchParams(raw as Record<string, string>).toString() : "",
  };
}
