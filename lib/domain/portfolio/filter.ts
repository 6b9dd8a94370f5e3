// Filtering and sorting of the portfolio table: pure, so the page and its tests share it.
import type { Status } from "@/lib/domain/engine/schedule";
import type { Measure } from "@/lib/domain/engine/types";

/** What the portfolio knows of a project before computing its figures: enough to filter it and sort by name or donor. */
export type PortfolioProject = {
  id: string;
  code: string;
  name: string;
  donor: string;
  countries: { isoCode: string | null; name: string }[];
};

export type PortfolioRow = PortfolioProject & {
  statusCounts: Record<Status, number>;
  keyIndicators: {
    id: string;
    code: string;
    title: string;
    measure: Measure;
    actual: number | null;
    target: number | null;
    achievement: number | null;
    status: Status;
  }[];
};

export const portfolioSorts = ["name", "donor", "offTrack", "onTrack"] as const;
export type PortfolioSort = (typeof portfolioSorts)[number];
export type PortfolioQuery = { country?: string; donor?: string; sort?: PortfolioSort };

/** Projects on one page of the portfolio: hundreds of rows are a megabyte of HTML on a field office's line. */
export const PORTFOLIO_PAGE_SIZE = 50;

export type PortfolioPage<T> = { rows: T[]; page: number; pages: number; from: number; to: number; total: number };

/** One page of the listed rows; pages count from 1, and a page out of range shows the nearest one. */
export function portfolioPage<T>(rows: T[], requested: number, size = PORTFOLIO_PAGE_SIZE): PortfolioPage<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(Math.max(1, Number.isSafeInteger(requested) ? requested : 1), pages);
  const start = (page - 1) * size;
  const shown = rows.slice(start, start + size);
  return { rows: shown, page, pages, from: shown.length ? start + 1 : 0, to: start + shown.length, total: rows.length };
}

export function filterAndSortPortfolio<T extends PortfolioProject & { statusCounts?: PortfolioRow["statusCounts"] }>(
  rows: T[],
  query: PortfolioQuery,
): T[] {
  const filtered = rows.filter(
    (r) =>
      (!query.country || r.countries.some((c) => c.isoCode === query.country)) &&
      (!query.donor || r.donor === query.donor),
  );
  const sort = query.sort ?? "name";
  const byText = (a: string, b: string) => a.localeCompare(b);
  return [...filtered].sort((a, b) => {
    if (sort === "donor") return byText(a.donor, b.donor) || byText(a.name, b.name);
    if (sort === "offTrack" || sort === "onTrack") {
      return (b.statusCounts?.[sort] ?? 0) - (a.statusCounts?.[sort] ?? 0) || byText(a.name, b.name);
    }
    return byText(a.name, b.name);
  });
}

/** The choices the filters offer: every country and donor of the listed projects. */
export function portfolioChoices(rows: PortfolioProject[]) {
  const countries = new Map<string, string>();
  for (const r of rows) for (const c of r.countries) if (c.isoCode) countries.set(c.isoCode, c.name);
  return {
    countries: [...countries]
      .map(([isoCode, name]) => ({ isoCode, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    donors: [...new Set(rows.map((r) => r.donor).filter(Boolean))].sort(),
  };
}
