"use client";
import type { ReactNode } from "react";
import { TableScroll } from "@/components/ui/table-scroll";

type Problem = { row: number; column: string; code: string; detail?: string };
type Column<P> = { label: string; cell: (problem: P) => ReactNode };

/** An import's problems, each where it is (row, column, and any columns before) and what is wrong. */
export function ProblemsTable<P extends Problem>({
  testId,
  caption,
  where,
  labels,
  problems,
  message,
}: {
  testId: string;
  caption: string;
  /** Columns naming where, before row and column (an indicator, a sheet). */
  where?: Column<P>[];
  labels: { row: string; column: string; problem: string };
  problems: P[];
  message: (code: string) => string;
}) {
  const columns: Column<P>[] = [
    ...(where ?? []),
    { label: labels.row, cell: (p) => p.row },
    { label: labels.column, cell: (p) => p.column },
    { label: labels.problem, cell: (p) => `${message(p.code)}${p.detail ? ` (${p.detail})` : ""}` },
  ];
  return (
    <TableScroll label={caption}>
      <table className="data text-table" data-testid={testId}>
        <caption className="error">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${i}-${p.row}-${p.column}-${p.code}`}>
              {columns.map((c) => (
                <td key={c.label}>{c.cell(p)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
