// The organisation's roll-up (#34) as rows for its CSV and XLSX files: one row per project's part of each
// group's figure, with the group's figure, the project's own value and target (the explanation), and the
// filters the figures were made with, so a file read on its own says what it holds. Pure.
import type { RolledFigure } from "@/lib/domain/rollup";
import type { CsvValue } from "./csv";

export const rollupColumns = [
  "by",
  "year",
  "as_of",
  "group_key",
  "group",
  "target",
  "achieved",
  "numerator",
  "denominator",
  "project",
  "project_achieved",
  "project_target",
  "places",
  "periods",
  "note",
] as const;

export type RollupRowsInput = {
  filters: { by: string; year: number | null; asOf: string };
  groups: { name: string; figure: RolledFigure }[];
  /** A group's notes (possible overlap, rate targets of equal weights), in the reader's language. */
  notes: (figure: RolledFigure) => string[];
};

export function rollupRows({ filters, groups, notes }: RollupRowsInput): CsvValue[][] {
  return groups.flatMap(({ name, figure }) => {
    const note = notes(figure).join(" ");
    return figure.contributions.map((c, i) => [
      filters.by,
      filters.year ?? "",
      filters.asOf,
      figure.key,
      name,
      figure.target?.value ?? null,
      figure.actual.value,
      figure.actual.numerator,
      figure.actual.denominator,
      `${c.code} ${c.name}`,
      c.actual.value,
      c.target?.value ?? null,
      c.placeIds.length,
      c.periodCount,
      i === 0 ? note : "",
    ]);
  });
}
