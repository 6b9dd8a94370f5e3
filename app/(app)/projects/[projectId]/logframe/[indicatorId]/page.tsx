import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { IndicatorForm } from "@/components/setup/indicator-form";
import { LibraryLinkForm } from "@/components/setup/library-link-form";
import { SetupNav } from "@/components/setup/setup-nav";
import type { Locale } from "@/lib/domain/i18n/config";
import { requireUser } from "@/lib/platform/auth/session";
import { indicatorLinkSetup } from "@/lib/server/library/link-setup";
import { indicatorForEditing } from "@/lib/server/projects/setup-views";

type Props = { params: Promise<{ projectId: string; indicatorId: string }> };

export default async function EditIndicatorPage({ params }: Props) {
  const [{ projectId, indicatorId }, user] = await Promise.all([params, requireUser()]);
  const locale = (await getLocale()) as Locale;
  const [found, linkSetup, t] = await Promise.all([
    indicatorForEditing(user, projectId, indicatorId),
    indicatorLinkSetup(user, projectId, indicatorId, locale),
    getTranslations("setup"),
  ]);
  if (!found || !linkSetup) notFound();
  const { project, indicator, dimensions } = found;
  return (
    <>
      <SetupNav projectId={project.id} projectName={project.name} current="logframe" />
      <h1>
        {indicator.code} {indicator.title}
      </h1>
      <IndicatorForm
        projectId={project.id}
        indicatorId={indicator.id}
        nodes={project.resultNodes.map(({ id, code, title }) => ({ id, code, title }))}
        dimensions={dimensions.map((d) => ({
          key: d.key,
          name: d.name,
          options: d.options.map((o) => o.name).join(", "),
        }))}
        initial={{
          version: indicator.version,
          resultNodeId: indicator.resultNodeId,
          code: indicator.code,
          title: indicator.title,
          definition: indicator.definition,
          unit: indicator.unit,
          measure: indicator.measure,
          direction: indicator.direction,
          timeRule: indicator.timeRule,
          source: indicator.source,
          baselineValue: indicator.baselineValue,
          baselineNumerator: indicator.baselineNumerator,
          baselineDenominator: indicator.baselineDenominator,
          baselineDate: indicator.baselineDate?.toISOString().slice(0, 10) ?? "",
          meansOfVerification: indicator.meansOfVerification,
          minValue: indicator.minValue,
          maxValue: indicator.maxValue,
          wholeNumbers: indicator.wholeNumbers,
          dimensionKeys: indicator.dimensions.map((d) => d.dimension.key),
        }}
      />
      <p>
        <a href={`/projects/${project.id}/targets?indicator=${indicator.id}`}>{t("nav.targets")}</a>
      </p>
      <LibraryLinkForm projectId={project.id} indicatorId={indicator.id} setup={linkSetup} />
    </>
  );
}
