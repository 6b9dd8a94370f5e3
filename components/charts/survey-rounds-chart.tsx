"use client";
import { useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { RoundDatum } from "@/components/dashboard/shape";
import type { Measure } from "@/lib/domain/engine";
import { isPercent } from "@/lib/domain/measures";
import { chartColours } from "./chart-frame";
import { TargetMark } from "./target-mark";
import { useFigureFormat } from "./use-figure-format";

/** Baseline, midline, endline: each round's value with its 95% confidence interval and its target. */
export function SurveyRoundsChart({ data, measure }: { data: RoundDatum[]; measure: Measure }) {
  const t = useTranslations("chart");
  const { figure, axis } = useFigureFormat(measure);
  return (
    <div className="chart-box">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis tickFormatter={axis} domain={isPercent(measure) ? [0, 100] : [0, "auto"]} />
          <Tooltip formatter={(value) => figure(value)} />
          <Legend />
          <Bar dataKey="value" name={t("achieved")} fill={chartColours.achieved} barSize={48} isAnimationActive={false}>
            <ErrorBar dataKey="error" width={10} strokeWidth={2} stroke="#333333" direction="y" />
          </Bar>
          <Scatter
            dataKey="target"
            name={t("target")}
            fill={chartColours.target}
            shape={<TargetMark across="horizontal" />}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
