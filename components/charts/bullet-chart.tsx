"use client";
import { useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { BulletDatum } from "@/components/dashboard/shape";
import type { Measure } from "@/lib/domain/engine";
import { chartColours } from "./chart-frame";
import { TargetMark } from "./target-mark";
import { useFigureFormat } from "./use-figure-format";

/** Achieved per region as bars, the target as a marker; bars stop at the frame, labels never do. */
export function BulletChart({ data, frameMax, measure }: { data: BulletDatum[]; frameMax: number; measure: Measure }) {
  const t = useTranslations("chart");
  const { figure, axis } = useFigureFormat(measure);
  // Room on the right for the longest label beside a bar that reaches the frame (they were clipped).
  const longestLabel = Math.max(0, ...data.map((d) => figure(d.achieved).length));
  return (
    <div className="chart-box" style={{ height: Math.max(160, 48 * data.length + 60) }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          accessibilityLayer={false}
          layout="vertical"
          data={data}
          margin={{ top: 4, right: 16 + 8 * longestLabel, bottom: 4, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, frameMax]} tickFormatter={axis} allowDataOverflow />
          <YAxis type="category" dataKey="region" width={110} />
          <Tooltip formatter={(value, name, item) => figure(name === t("achieved") ? item.payload.achieved : value)} />
          <Legend />
          <Bar dataKey="drawn" name={t("achieved")} fill={chartColours.achieved} barSize={18} isAnimationActive={false}>
            <LabelList dataKey="achieved" position="right" formatter={(v: unknown) => figure(v)} />
          </Bar>
          <Scatter
            dataKey="target"
            name={t("target")}
            fill={chartColours.target}
            shape={<TargetMark across="vertical" />}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
