import { getFormatter, getTranslations } from "next-intl/server";
import { ChartFrame } from "@/components/charts/chart-frame";
import { TargetVsAchievedChart } from "@/components/charts/target-vs-achieved-chart";
import type { IndicatorSummary } from "@/lib/indicators/summary";
import type { ProjectSummary } from "@/lib/summary/service";
import { Explanation } from "./explanation";
import { formatFigure } from "./figure-format";
import { RegionTable } from "./region-table";
import { targetVsAchievedData } from "./shape";

/** Container: the engine's summary of one indicator as a chart, its table, and the explanation. */
export async function RegionComparisonPanel({
  summary,
  project,
}: {
  summary: IndicatorSummary;
  project: ProjectSummary;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const { indicator, overall } = summary;
  if (indicator.measure === "QUALITATIVE") return <p>{t("indicator.qualitative")}</p>;
  const round = project.times.find((x) => x.id === overall.explanation.roundId);
  return (
    <>
      <p className="muted">
        {round
          ? t("indicator.scopeRound", {
              name: round.label,
              date: format.dateTime(round.endDate, { dateStyle: "medium" }),
            })
          : t("indicator.scopeLifeOfProject")}
        {overall.baseline !== null &&
          ` ${t("indicator.baseline", { value: formatFigure(format, indicator.measure, overall.baseline, "") })}`}
      </p>
      {project.includesSubmitted ? (
        <p className="notice" role="status">
          {t("project.previewNotice")}
        </p>
      ) : (
        <p className="muted">{t("project.approvedOnly")}</p>
      )}
      {summary.warnings.map((w) => (
        <p key={w.code} className="notice" data-warning={w.code}>
          {t(`warnings.${w.code}`)}
        </p>
      ))}
      <ChartFrame
        title={t("chart.targetVsAchieved")}
        chart={<TargetVsAchievedChart data={targetVsAchievedData(summary)} measure={indicator.measure} />}
        table={<RegionTable summary={summary} />}
      />
      <Explanation figure={overall} context={project} />
    </>
  );
}
