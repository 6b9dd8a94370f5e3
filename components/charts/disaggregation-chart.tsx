"use client";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { notReportedKey } from "@/components/dashboard/shape";
import type { Measure } from "@/lib/domain/engine";
import { addsUp } from "@/lib/domain/measures";
import { chartColours } from "./chart-frame";
import { useFigureFormat } from "./use-figure-format";

/** Per region, the options stacked (counts) or side by side (other measures), with "not reported" in grey. */
export function DisaggregationChart({
  rows,
  options,
  measure,
}: {
  rows: Record<string, string | number | null>[];
  options: { key: string; name: string }[];
  measure: Measure;
}) {
  const t = useTranslations("chart");
  const { figure, axis } = useFigureFormat(measure);
  const stacked = addsUp(measure);
  return (
    <div className="chart-box">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="region" />
          <YAxis tickFormatter={axis} />
          <Tooltip formatter={(value) => figure(value)} />
          <Legend />
          {options.map((o, i) => (
            <Bar
              key={o.key}
              dataKey={o.key}
              name={o.name}
              stackId={stacked ? "options" : undefined}
              fill={chartColours.series[i % chartColours.series.length]}
              isAnimationActive={false}
            />
          ))}
          {stacked && (
            <Bar
              dataKey={notReportedKey}
              name={t("notReported")}
              stackId="options"
              fill={chartColours.notReported}
              isAnimationActive={false}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
