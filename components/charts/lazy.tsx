"use client";
// Charts load after the page: Recharts stays out of the first load of every route.
import dynamic from "next/dynamic";

const placeholder = () => <div className="chart-box skeleton" />;

export const BulletChart = dynamic(() => import("./bullet-chart").then((m) => m.BulletChart), {
  ssr: false,
  loading: placeholder,
});
export const ProgressChart = dynamic(() => import("./progress-chart").then((m) => m.ProgressChart), {
  ssr: false,
  loading: placeholder,
});
export const SurveyRoundsChart = dynamic(() => import("./survey-rounds-chart").then((m) => m.SurveyRoundsChart), {
  ssr: false,
  loading: placeholder,
});
export const DisaggregationChart = dynamic(() => import("./disaggregation-chart").then((m) => m.DisaggregationChart), {
  ssr: false,
  loading: placeholder,
});
