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

/** Where one page of `total` listed rows falls; pages count from 1, and a page out of range shows the nearest one. */
export function pageOf(total: number, requested: number, size = PORTFOLIO_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Number.isSafeInteger(requested) ? requested : 1), pages);
  const offset = (page - 1) * size;
  return { page, pages, offset, limit: size, total };
}

/** One page of the listed rows (see pageOf). */
export function portfolioPage<T>(rows: T[], requested: number, size = PORTFOLIO_PAGE_SIZE): PortfolioPage<T> {
  const { page, pages, offset } = pageOf(rows.length, requested, size);
  return pageWith(rows.slice(offset, offset + size), { page, pages, offset, total: rows.length });
}

/** A page of rows cut elsewhere (by the database) at `offset` of `total`. */
export function pageWith<T>(
  rows: T[],
  at: { page: number; pages: number; offset: number; total: number },
): PortfolioPage<T> {
  const { page, pages, offset, total } = at;
  return { rows, page, pages, from: rows.length ? offset + 1 : 0, to: offset + rows.length, total };
}

/**
 * Texts in the ICU root collation, as PostgreSQL's and PGlite's "und-x-icu" order them (whatever the
 * server's locale: "Área" before "Zona", "Ñ" beside "N").
 */
export const inRootCollation = new Intl.Collator("und").compare;

/**
 * The portfolio's filters and order, as the listing's SQL applies them (lib/server/portfolio/listing.ts:
 * names and donors in the root collation; ties by the given order): the definition its tests compare the
 * database's pages with.
 */
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
  const byText = inRootCollation;
  return [...filtered].sort((a, b) => {
    if (sort === "donor") return byText(a.donor, b.donor) || byText(a.name, b.name);
    if (sort === "offTrack" || sort === "onTrack") {
      return (b.statusCounts?.[sort] ?? 0) - (a.statusCounts?.[sort] ?? 0) || byText(a.name, b.name);
    }
    return byText(a.name, b.name);
  });
}

/** The choices the filters offer: every country and donor of the projects the caller may open. */
export type PortfolioChoices = { countries: { isoCode: string; name: string }[]; donors: string[] };
