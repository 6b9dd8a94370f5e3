import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SetupNav } from "@/components/setup/setup-nav";
import { TargetsGrid } from "@/components/setup/targets-grid";
import { localizeDimension } from "@/lib/domain/catalogue/names";
import type { Locale } from "@/lib/domain/i18n/config";
import { targetText } from "@/lib/domain/projects/targets-form";
import { requireUser } from "@/lib/platform/auth/session";
import { targetsForEditing } from "@/lib/server/projects/setup-views";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ indicator?: string }> };

export default async function TargetsPage({ params, searchParams }: Props) {
  const [{ projectId }, { indicator: chosen }, user] = await Promise.all([params, searchParams, requireUser()]);
  const [found, t] = await Promise.all([targetsForEditing(user, projectId, chosen), getTranslations("setup")]);
  if (!found) notFound();
  const { project, indicator, targets, warnings } = found;
  const locale = (await getLocale()) as Locale;
  const times =
    indicator?.source === "SURVEY"
      ? project.surveyRounds.map((r) => ({ key: r.id, label: r.name, periodId: null, roundId: r.id }))
      : project.periods.map((p) => ({ key: p.id, label: p.label, periodId: p.id, roundId: null }));
  return (
    <>
      <SetupNav projectId={project.id} projectName={project.name} current="targets" />
      <h1>{t("targetsTitle")}</h1>
      {!indicator ? (
        <p>{t("noIndicators")}</p>
      ) : (
        <>
          <nav aria-label={t("chooseIndicator")} className="indicator-picker">
            {project.indicators.map((i) => (
              <Link key={i.id} href={`?indicator=${i.id}`} aria-current={i.id === indicator.id ? "page" : undefined}>
                {i.code}
              </Link>
            ))}
          </nav>
          <h2>
            {indicator.code} {indicator.title} <span className="muted">({t(`measures.${indicator.measure}`)})</span>
          </h2>
          {warnings
            .filter((w) => w.code === "regionalTargetsDoNotAddUp")
            .map((w) => (
              <p key={w.code} role="status" className="warning">
                {w.code === "regionalTargetsDoNotAddUp" &&
                  t("regionalWarning", { overall: w.overall, sum: w.sumOfLocations })}
              </p>
            ))}
          <TargetsGrid
            key={indicator.id}
            projectId={project.id}
            indicatorId={indicator.id}
            measure={indicator.measure}
            rows={[{ key: "lop", label: t("lifeOfProject"), periodId: null, roundId: null }, ...times]}
            placeColumns={[
              { key: "overall", label: t("overall"), locationId: null, optionId: null },
              ...project.locations.map((l) => ({
                key: l.locationId,
                label: l.location.name,
                locationId: l.locationId,
                optionId: null,
              })),
            ]}
            optionColumns={indicator.dimensions.flatMap((d) => {
              const dimension = localizeDimension(d.dimension, locale);
              return dimension.options.map((o) => ({
                key: o.id,
                label: `${dimension.name}: ${o.name}`,
                locationId: null,
                optionId: o.id,
              }));
            })}
            targets={targets.map((x) => ({
              periodId: x.periodId,
              roundId: x.roundId,
              locationId: x.locationId,
              optionId: x.optionId,
              text: targetText(x, indicator.measure),
              updatedAt: x.updatedAt.toISOString(),
            }))}
          />
        </>
      )}
    </>
  );
}
