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
import { AsOf } from "@/lib/domain/as-of";
import { isText } from "@/lib/domain/measures";
import { can } from "@/lib/domain/permissions";
import { toSummaryJson } from "@/lib/domain/summary/types";
import { placeMap } from "@/lib/server/maps/service";
import { gateIndicatorPage } from "@/lib/server/projects/page-gate";
import { indicatorHistory, indicatorResults } from "@/lib/server/results/service";
import { indicatorCitations } from "@/lib/server/studies/citations";
import { projectSummary, UnknownFilterError } from "@/lib/server/summary/service";

type Props = {
  params: Promise<{ projectId: string; indicatorId: string }>;
  searchParams: Promise<{ asOf?: string | string[] }>;
};

export default async function IndicatorPage({ params, searchParams }: Props) {
  const [{ user, project, indicator }, search] = await Promise.all([gateIndicatorPage(params), searchParams]);
  // As of the day the dashboard showed (?asOf), else today; a day that does not parse is dropped.
  const asOf = AsOf.fromSearch(search.asOf) ?? AsOf.today();
  // This indicator's figures only; an archived one is not found.
  const summary = await projectSummary(user, project.id, { indicatorId: indicator.id, asOf }).catch((error) => {
    if (error instanceof UnknownFilterError) return null;
    throw error;
  });
  const figures = summary?.indicators.find((i) => i.indicator.id === indicator.id);
  if (!summary || !figures) notFound();
  const [results, sources, history, map, t, tSetup] = await Promise.all([
    indicatorResults(user, project.id, indicator.id),
    indicatorCitations(user, project.id, indicator.id),
    indicatorHistory(user, project.id, indicator.id),
    placeMap(user, project.id, summary.version),
    getTranslations("indicatorPage"),
    getTranslations("setup"),
  ]);
  const json = toSummaryJson(summary);
  const indicatorJson = json.indicators.find((i) => i.indicator.id === indicator.id);
  if (!indicatorJson) notFound();

  return (
    <>
      <p className="no-print project-actions">
        <Link href={`/projects/${project.id}${asOf.toSearch()}`}>← {project.name}</Link>
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
      {isText(indicator.measure) && (
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
      <ResultsTable results={results} sources={sources} />
      <h2>{t("history")}</h2>
      <IndicatorHistory events={history} />
    </>
  );
}
