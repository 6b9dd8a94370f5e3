import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FigureTable } from "@/components/dashboard/figure-table";
import { IndicatorCharts } from "@/components/dashboard/indicator-charts";
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";
import { IndicatorHistory } from "@/components/indicators/indicator-history";
import { Narratives } from "@/components/indicators/narratives";
import { ResultsTable } from "@/components/indicators/results-table";
import { PlaceMapProvider } from "@/components/maps/place-map-context";
import { requireUser } from "@/lib/auth/session";
import { placeMap } from "@/lib/maps/service";
import { can } from "@/lib/permissions";
import { getIndicator, getProject } from "@/lib/projects/service";
import { indicatorHistory, indicatorResults } from "@/lib/results/service";
import { toSummaryJson } from "@/lib/summary/json";
import { projectSummary, UnknownFilterError } from "@/lib/summary/service";

type Props = { params: Promise<{ projectId: string; indicatorId: string }> };

export default async function IndicatorPage({ params }: Props) {
  const [{ projectId, indicatorId }, user] = await Promise.all([params, requireUser()]);
  const [project, indicator, summary] = await Promise.all([
    getProject(user, projectId),
    getIndicator(user, projectId, indicatorId),
    // This indicator's figures only; an archived or unknown one is not found.
    projectSummary(user, projectId, { indicatorId }).catch((error) => {
      if (error instanceof UnknownFilterError) return null;
      throw error;
    }),
  ]);
  const figures = summary?.indicators.find((i) => i.indicator.id === indicatorId);
  if (!project || !summary || !indicator || !figures) notFound();
  const [results, history, map, t, tSetup] = await Promise.all([
    indicatorResults(user, project.id, indicator.id),
    indicatorHistory(user, project.id, indicator.id),
    placeMap(user, project.id, summary.version),
    getTranslations("indicatorPage"),
    getTranslations("setup"),
  ]);
  const json = toSummaryJson(summary);
  const indicatorJson = json.indicators.find((i) => i.indicator.id === indicatorId);
  if (!indicatorJson) notFound();

  return (
    <>
      <p className="no-print project-actions">
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
        {can(user, "project.edit", project.id) && (
          <>
            <Link href={`/projects/${project.id}/logframe/${indicator.id}`}>{tSetup("editIndicator")}</Link>
            <Link href={`/projects/${project.id}/targets?indicator=${indicator.id}`}>{tSetup("nav.targets")}</Link>
          </>
        )}
      </p>
      <h1>
        {indicator.code} {indicator.title}
      </h1>
      <IndicatorDefinition indicator={indicator} />
      {indicator.measure === "QUALITATIVE" && (
        <>
          <h2>{t("narratives")}</h2>
          <Narratives indicator={indicatorJson} summary={json} />
        </>
      )}
      <h2>{t("charts")}</h2>
      <PlaceMapProvider map={map}>
        <IndicatorCharts indicator={indicatorJson} summary={json} />
      </PlaceMapProvider>
      <h2>{t("allFigures")}</h2>
      <FigureTable indicator={indicatorJson} summary={json} />
      <h2>{t("results")}</h2>
      <ResultsTable results={results} />
      <h2>{t("history")}</h2>
      <IndicatorHistory events={history} />
    </>
  );
}
