import { getFormatter, getTranslations } from "next-intl/server";
import { ChartFrame } from "@/components/charts/chart-frame";
import { numberFormatOptions, unitSuffix } from "@/components/charts/number-format";
import { TargetVsAchievedChart } from "@/components/charts/target-vs-achieved-chart";
import type { RegionComparison } from "@/lib/dashboard/region-comparison";
import { RegionTable } from "./region-table";

/** Container: turns the engine's comparison into chart data, with the scope and preview notices. */
export async function RegionComparisonPanel({ comparison }: { comparison: RegionComparison }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const { indicator, scope } = comparison;
  if (indicator.measure === "QUALITATIVE") return <p>{t("indicator.qualitative")}</p>;
  const data = comparison.rows.map((r) => ({ region: r.name, target: r.target, achieved: r.actual }));
  return (
    <>
      <p className="muted">
        {scope.kind === "round"
          ? t("indicator.scopeRound", {
              name: scope.name,
              date: format.dateTime(scope.endDate, { dateStyle: "medium" }),
            })
          : t("indicator.scopeLifeOfProject")}
        {comparison.baseline !== null &&
          ` ${t("indicator.baseline", { value: `${format.number(comparison.baseline, numberFormatOptions(indicator.measure))}${unitSuffix(indicator.measure)}` })}`}
      </p>
      {comparison.includesSubmitted ? (
        <p className="notice" role="status">
          {t("project.previewNotice")}
        </p>
      ) : (
        <p className="muted">{t("project.approvedOnly")}</p>
      )}
      <ChartFrame
        title={t("chart.targetVsAchieved")}
        chart={<TargetVsAchievedChart data={data} measure={indicator.measure} />}
        table={<RegionTable comparison={comparison} />}
      />
    </>
  );
}
