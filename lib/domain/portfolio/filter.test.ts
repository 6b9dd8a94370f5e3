import { expect, test } from "vitest";
import { countStatuses } from "@/lib/domain/engine/schedule";
import { filterAndSortPortfolio, inRootCollation, type PortfolioRow, pageOf, portfolioPage } from "./filter";

function row(code: string, donor: string, countries: string[], offTrack: number): PortfolioRow {
  return {
    id: code,
    code,
    name: `Project ${code}`,
    donor,
    countries: countries.map((isoCode) => ({ isoCode, name: isoCode })),
    statusCounts: { ...countStatuses([]), offTrack },
    keyIndicators: [],
  };
}

const rows = [row("B", "EU", ["BA", "RS"], 1), row("A", "PRM", ["PE"], 3), row("C", "EU", ["NP"], 0)];

test("filters by country and by donor", () => {
  expect(filterAndSortPortfolio(rows, { country: "RS" }).map((r) => r.code)).toEqual(["B"]);
  expect(filterAndSortPortfolio(rows, { donor: "EU" }).map((r) => r.code)).toEqual(["B", "C"]);
  expect(filterAndSortPortfolio(rows, { donor: "EU", country: "PE" })).toEqual([]);
});

test("sorts by name, donor or the number of indicators off track", () => {
  expect(filterAndSortPortfolio(rows, {}).map((r) => r.code)).toEqual(["A", "B", "C"]);
  expect(filterAndSortPortfolio(rows, { sort: "donor" }).map((r) => r.code)).toEqual(["B", "C", "A"]);
  expect(filterAndSortPortfolio(rows, { sort: "offTrack" }).map((r) => r.code)).toEqual(["A", "B", "C"]);
});

test("a page at a time: pages count from 1, and a page out of range shows the nearest one", () => {
  const many = Array.from({ length: 123 }, (_, i) => i + 1);
  expect(portfolioPage(many, 1)).toMatchObject({ page: 1, pages: 3, from: 1, to: 50, total: 123 });
  expect(portfolioPage(many, 1).rows).toEqual(many.slice(0, 50));
  expect(portfolioPage(many, 3)).toMatchObject({ page: 3, from: 101, to: 123 });
  expect(portfolioPage(many, 3).rows).toEqual(many.slice(100));
  expect(portfolioPage(many, 9).page).toBe(3);
  for (const odd of [0, -2, Number.NaN, 1.5]) expect(portfolioPage(many, odd).page).toBe(1);
  expect(portfolioPage([], 1)).toMatchObject({ rows: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
  expect(portfolioPage(many.slice(0, 50), 1).pages).toBe(1);
});

test("names sort in the root collation whatever the process's locale", () => {
  const names = ["Zona", "Ñandutí", "nube", "área", "Agua", "École"];
  expect([...names].sort(inRootCollation)).toEqual(["Agua", "área", "École", "Ñandutí", "nube", "Zona"]);
});

test("a page of a count: its offset and limit, the nearest page when out of range", () => {
  expect(pageOf(123, 3)).toEqual({ page: 3, pages: 3, offset: 100, limit: 50, total: 123 });
  expect(pageOf(123, 9).page).toBe(3);
  expect(pageOf(0, 2)).toEqual({ page: 1, pages: 1, offset: 0, limit: 50, total: 0 });
});
