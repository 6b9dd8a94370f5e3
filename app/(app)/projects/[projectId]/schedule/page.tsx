import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AddPeriodForm } from "@/components/schedule/add-period-form";
import { AddRoundForm } from "@/components/schedule/add-round-form";
import { PeriodLockForm } from "@/components/schedule/period-lock-form";
import { ProgressNoteForm } from "@/components/schedule/progress-note-form";
import { RemoveEntryButton } from "@/components/schedule/remove-entry-button";
import { TableScroll } from "@/components/ui/table-scroll";
import { can } from "@/lib/domain/permissions";
import { gateProjectPage } from "@/lib/server/projects/page-gate";
import { projectSchedule } from "@/lib/server/schedule/service";

export default async function SchedulePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await gateProjectPage(params, "results.enter");
  const [{ periods, rounds }, t, format] = await Promise.all([
    projectSchedule(user, project.id),
    getTranslations("schedule"),
    getFormatter(),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const mayLock = can(user, "results.review", project.id);
  const mayEditPeriods = can(user, "project.edit", project.id);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
      </p>
      <h1>{t("title")}</h1>
      <TableScroll label={t("periods")}>
        <table className="data text-table">
          <caption>{t("periods")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("period")}</th>
              <th scope="col">{t("start")}</th>
              <th scope="col">{t("end")}</th>
              <th scope="col">{t("state")}</th>
              {mayLock && (
                <th scope="col">
                  <span className="visually-hidden">{t("lock")}</span>
                </th>
              )}
              {mayLock && <th scope="col">{t("notes_column")}</th>}
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.id} data-period={p.label}>
                <th scope="row">{p.label}</th>
                <td>{day(p.startDate)}</td>
                <td>{day(p.endDate)}</td>
                <td data-col="state">
                  {p.lockedAt ? t("lockedBy", { name: p.lockedBy?.name ?? "–", date: day(p.lockedAt) }) : t("open")}
                </td>
                {mayLock && (
                  <td>
                    <PeriodLockForm
                      projectId={project.id}
                      periodId={p.id}
                      locked={p.lockedAt !== null}
                      label={p.label}
                    />
                    {mayEditPeriods && !p.lockedAt && p._count.results === 0 && (
                      <RemoveEntryButton projectId={project.id} kind="period" id={p.id} label={p.label} />
                    )}
                  </td>
                )}
                {mayLock && (
                  <td>
                    <ProgressNoteForm
                      projectId={project.id}
                      periodId={p.id}
                      label={p.label}
                      note={p.progressNote}
                      noteAt={p.progressNoteAt?.toISOString() ?? ""}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll label={t("rounds")}>
        <table className="data text-table">
          <caption>{t("rounds")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("type")}</th>
              <th scope="col">{t("fieldwork")}</th>
              <th scope="col">{t("mode")}</th>
              <th scope="col">{t("sample")}</th>
              <th scope="col">{t("notes")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id} data-round={r.name}>
                <th scope="row">{r.name}</th>
                <td>{t(`types.${r.type}`)}</td>
                <td>
                  {day(r.startDate)} – {day(r.endDate)}
                </td>
                <td>{t(`modes.${r.mode}`)}</td>
                <td>
                  {r.achievedSampleSize ?? "–"} / {r.plannedSampleSize ?? "–"}
                </td>
                <td>{r.notes || "–"}</td>
                <td>
                  <details>
                    <summary>{t("edit")}</summary>
                    <AddRoundForm
                      projectId={project.id}
                      round={{
                        id: r.id,
                        type: r.type,
                        name: r.name,
                        startDate: iso(r.startDate),
                        endDate: iso(r.endDate),
                        mode: r.mode,
                        plannedSampleSize: r.plannedSampleSize?.toString() ?? "",
                        achievedSampleSize: r.achievedSampleSize?.toString() ?? "",
                        notes: r.notes,
                      }}
                    />
                  </details>
                  {r._count.results === 0 && (
                    <RemoveEntryButton projectId={project.id} kind="round" id={r.id} label={r.name} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="two-columns">
        <AddRoundForm projectId={project.id} />
        {mayEditPeriods && <AddPeriodForm projectId={project.id} />}
      </div>
    </>
  );
}
