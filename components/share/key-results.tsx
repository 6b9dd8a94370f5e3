import { getFormatter, getTranslations } from "next-intl/server";
import { formatFigure, formatShare } from "@/components/indicators/figure-format";
import { StatusBadge } from "@/components/indicators/status-badge";
import type { ProjectSummary } from "@/lib/summary/service";

type Props = { summary: ProjectSummary; headlines: string[]; lastUpdated: Date | null; sourceNote: string };

/**
 * The donor report's first screen: the headline indicators as large figures against their targets,
 * when the figures last changed and where they come from. Rendered on the server: no script of its own.
 */
export async function KeyResults({ summary, headlines, lastUpdated, sourceNote }: Props) {
  const [t, format] = await Promise.all([getTranslations("shared.report"), getFormatter()]);
  const shown = headlines.flatMap((id) => summary.indicators.filter((i) => i.indicator.id === id));
  return (
    <section className="key-results" aria-labelledby="key-results-title">
      <h2 id="key-results-title">{t("title")}</h2>
      {shown.length > 0 && (
        <ul className="key-figures">
          {shown.map((i) => {
            const { code, title, measure, unit } = i.indicator;
            const fig = (v: number | null) => formatFigure(format, measure, v, "–");
            return (
              <li key={i.indicator.id} data-indicator={code}>
                <span className="big" data-figure="actual">
                  {fig(i.overall.actual)}
                </span>{" "}
                <span className="of">
                  {measure === "PERCENTAGE"
                    ? t("against", { target: fig(i.overall.target) })
                    : t("of", { target: fig(i.overall.target), unit: unit ?? "" })}
                </span>
                <span className="what">
                  {code} {title}
                </span>
                <span className="how">
                  {t("achievement", { share: formatShare(format, i.overall.achievement) })}{" "}
                  <StatusBadge status={i.overall.status} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted" data-testid="last-updated">
        {lastUpdated
          ? t("lastUpdated", { date: format.dateTime(lastUpdated, { dateStyle: "long" }) })
          : t("noApprovals")}{" "}
        {t("asOf", { date: format.dateTime(summary.asOf, { dateStyle: "long" }) })}
      </p>
      {sourceNote && <p className="muted">{t("sources", { note: sourceNote })}</p>}
    </section>
  );
}
