"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatFigure } from "@/components/indicators/figure-format";
import type { TargetVsAchievedDatum } from "@/components/indicators/shape";
import type { Measure } from "@/lib/indicators";
import { chartColours } from "./chart-frame";

/** Bars of target and achieved per region. Pure: takes shaped data, fetches nothing. */
export function TargetVsAchievedChart({ data, measure }: { data: TargetVsAchievedDatum[]; measure: Measure }) {
  const t = useTranslations("chart");
  const format = useFormatter();
  const show = (value: unknown) => formatFigure(format, measure, typeof value === "number" ? value : null, t("noData"));
  return (
    <div className="chart-box">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="region" />
          <YAxis tickFormatter={(v: number) => format.number(v, { notation: "compact" })} />
          <Tooltip formatter={(value) => show(value)} />
          <Legend />
          <Bar dataKey="target" name={t("target")} fill={chartColours.target} isAnimationActive={false} />
          <Bar dataKey="achieved" name={t("achieved")} fill={chartColours.achieved} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
