import type { ReactNode } from "react";

/**
 * The one frame around every chart: a heading, the chart (hidden from screen readers, which get the
 * table instead), and the table view of the same numbers.
 */
export function ChartFrame({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  return (
    <section className="chart-frame" aria-label={title}>
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      <div aria-hidden="true">{chart}</div>
      {table}
    </section>
  );
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const chartColours = { achieved: "#0072B2", target: "#E69F00", notReported: "#999999" } as const;
