// Filtering and sorting of the portfolio table: pure, so the page and its tests share it.
import type { Status } from "@/lib/indicators/schedule";

export type PortfolioRow = {
  id: string;
  code: string;
  name: string;
  donor: string;
  countries: { isoCode: string | null; name: string }[];
  statusCounts: Record<Status, number>;
  keyIndicators: {
    id: string;
    code: string;
    title: string;
    measure: "COUNT" | "PERCENTAGE" | "MEAN" | "QUALITATIVE";
    actual: number | null;
    target: number | null;
    achievement: number | null;
    status: Status;
  }[];
};

export const portfolioSorts = ["name", "donor", "offTrack", "onTrack"] as const;
export type PortfolioSort = (typeof portfolioSorts)[number];
export type PortfolioQuery = { country?: string; donor?: string; sort?: PortfolioSort };

export function filterAndSortPortfolio(rows: PortfolioRow[], query: PortfolioQuery): PortfolioRow[] {
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
      return b.statusCounts[sort] - a.statusCounts[sort] || byText(a.name, b.name);
    }
    return byText(a.name, b.name);
  });
}

/** The choices the filters offer: every country and donor of the listed projects. */
export function portfolioChoices(rows: PortfolioRow[]) {
  const countries = new Map<string, string>();
  for (const r of rows) for (const c of r.countries) if (c.isoCode) countries.set(c.isoCode, c.name);
  return {
    countries: [...countries]
      .map(([isoCode, name]) => ({ isoCode, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    donors: [...new Set(rows.map((r) => r.donor).filter(Boolean))].sort(),
  };
}
