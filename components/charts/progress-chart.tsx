"use client";
import { useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProgressDatum } from "@/components/dashboard/shape";
import type { Measure } from "@/lib/domain/engine";
import { chartColours } from "./chart-frame";
import { useFigureFormat } from "./use-figure-format";

/**
 * Each period's value as bars; the achieved-to-date line against the expected-to-date line (left out
 * where nothing is expected, as in the organisation's roll-up over years).
 */
export function ProgressChart({
  data,
  measure,
  expected = true,
}: {
  data: ProgressDatum[];
  measure: Measure;
  expected?: boolean;
}) {
  const t = useTranslations("chart");
  const { figure, axis } = useFigureFormat(measure);
  return (
    <div className="chart-box">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis tickFormatter={axis} />
          <Tooltip formatter={(value) => figure(value)} />
          <Legend />
          <Bar
            dataKey="actual"
            name={t("periodValue")}
            fill={chartColours.achieved}
            fillOpacity={0.45}
            isAnimationActive={false}
          />
          <Line
            dataKey="actualToDate"
            name={t("achievedToDate")}
            stroke={chartColours.achieved}
            strokeWidth={2}
            dot={{ r: 4 }}
            connectNulls={false}
            isAnimationActive={false}
          />
          {expected && (
            <Line
              dataKey="expectedToDate"
              name={t("expectedToDate")}
              stroke={chartColours.expected}
              strokeDasharray="6 4"
              strokeWidth={2}
              dot={{ r: 3, strokeDasharray: "" }}
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
