import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EntryGrid } from "@/components/entry/entry-grid";
import { EvidencePanel } from "@/components/entry/evidence-panel";
import { TypedValuesRescue } from "@/components/entry/typed-values-rescue";
import { ValueSourceForm } from "@/components/entry/value-source-form";
import type { Locale } from "@/lib/domain/i18n/config";
import { can } from "@/lib/domain/permissions";
import { nameFor, textFor } from "@/lib/domain/studies/text";
import { env } from "@/lib/platform/env";
import { listEvidence } from "@/lib/server/evidence/service";
import { gateProjectPage } from "@/lib/server/projects/page-gate";
import { entrySheet, mayEnter } from "@/lib/server/results/entry-sheet";
import { citableStudies } from "@/lib/server/studies/citations";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ time?: string }> };

export default async function EntryPage({ params, searchParams }: Props) {
  const [{ user, project }, { time }] = await Promise.all([gateProjectPage(params, mayEnter), searchParams]);
  const locale = (await getLocale()) as Locale;
  // The project's own team files evidence and cites sources for the period; a partner's member (whose
  // sheet holds the partner's sites only) enters and submits values, nothing more.
  const wholeProject = can(user, "results.enter", project.id);
  const [sheet, t, studies] = await Promise.all([
    entrySheet(user, project.id, time, locale),
    getTranslations("entry"),
    wholeProject ? citableStudies(project.id) : [],
  ]);
  // The period or round the sheet opens on (the one that needs work) is put in the address at once, so
  // that saving, submitting or a reload stays on it instead of moving on to the next one needing work.
  if (sheet.time && sheet.time.id !== time) redirect(`/projects/${project.id}/entry?time=${sheet.time.id}`);
  const files =
    sheet.time && wholeProject
      ? await listEvidence(
          user,
          project.id,
          sheet.time.kind === "period" ? { periodId: sheet.time.id } : { roundId: sheet.time.id },
        )
      : [];
  const place = new Map(sheet.locations.map((l) => [l.id, l.name]));
  const option = new Map(
    sheet.indicators.flatMap((i) => i.dimensions.flatMap((d) => d.options.map((o) => [o.id, o.name]))),
  );
  const code = new Map(sheet.indicators.map((i) => [i.id, i.code]));
  const savedValues = sheet.existing.map((r) => ({
    id: r.id,
    label: [code.get(r.indicatorId), place.get(r.locationId), r.optionId ? option.get(r.optionId) : null]
      .filter(Boolean)
      .join(" · "),
  }));
  return (
    <>
      <p className="no-print">
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
      </p>
      <h1>{t("title")}</h1>
      <nav className="time-picker" aria-label={t("chooseTime")}>
        {sheet.times.map((x) => (
          <span key={x.id}>
            <Link href={`?time=${x.id}`} aria-current={x.id === sheet.time?.id ? "page" : undefined}>
              {x.label}
              {x.locked ? ` (${t("locked")})` : ""}
            </Link>{" "}
            <span className="completeness muted" data-time={x.label}>
              <progress max={x.expected || 1} value={x.entered} aria-hidden="true" />{" "}
              {t("completeness", { entered: x.entered, expected: x.expected })}
            </span>
          </span>
        ))}
      </nav>
      {sheet.time ? (
        sheet.time.locked ? (
          <>
            <p className="notice">{t("lockedNotice")}</p>
            <TypedValuesRescue
              userId={user.userId}
              projectId={project.id}
              time={{ id: sheet.time.id, label: sheet.time.label }}
              indicators={sheet.indicators}
              locations={sheet.locations}
            />
          </>
        ) : (
          <EntryGrid
            key={sheet.time.id}
            projectId={project.id}
            userId={user.userId}
            time={{ id: sheet.time.id, kind: sheet.time.kind, label: sheet.time.label }}
            indicators={sheet.indicators}
            locations={sheet.locations}
            existing={sheet.existing}
            previous={sheet.previous}
          />
        )
      ) : (
        <p>{t("noTimes")}</p>
      )}
      {sheet.time && wholeProject && (
        <EvidencePanel
          key={`evidence-${sheet.time.id}`}
          projectId={project.id}
          time={{ id: sheet.time.id, kind: sheet.time.kind, label: sheet.time.label }}
          values={savedValues}
          files={files}
          canManage={can(user, "shareLinks.manage", project.id)}
          maxBytes={env().MAX_EVIDENCE_BYTES}
        />
      )}
      {wholeProject && (
        <ValueSourceForm
          projectId={project.id}
          values={savedValues}
          studies={studies.map((s) => ({
            id: s.id,
            label: [textFor(s.texts, locale)?.title, nameFor(s.type, locale), s.publishedOn?.getUTCFullYear()]
              .filter(Boolean)
              .join(" · "),
          }))}
        />
      )}
    </>
  );
}
