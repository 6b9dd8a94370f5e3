import { expect, test } from "vitest";
import { countStatuses } from "@/lib/indicators/schedule";
import { filterAndSortPortfolio, type PortfolioRow, portfolioChoices } from "./filter";

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

test("offers every country and donor of the listed projects (a project without a donor adds no blank choice)", () => {
  expect(portfolioChoices([...rows, row("D", "", [], 0)])).toEqual({
    countries: ["BA", "NP", "PE", "RS"].map((isoCode) => ({ isoCode, name: isoCode })),
    donors: ["EU", "PRM"],
  });
});
