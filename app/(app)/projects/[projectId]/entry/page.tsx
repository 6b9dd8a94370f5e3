import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EntryGrid } from "@/components/entry/entry-grid";
import { TypedValuesRescue } from "@/components/entry/typed-values-rescue";
import { requireUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/projects/service";
import { entrySheet } from "@/lib/results/entry-sheet";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ time?: string }> };

export default async function EntryPage({ params, searchParams }: Props) {
  const [{ projectId }, { time }, user] = await Promise.all([params, searchParams, requireUser()]);
  const project = await getProject(user, projectId);
  if (!project || !can(user, "results.enter", project.id)) notFound();
  const [sheet, t] = await Promise.all([
    entrySheet(user, project.id, time, (await getLocale()) as Locale),
    getTranslations("entry"),
  ]);
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
    </>
  );
}
