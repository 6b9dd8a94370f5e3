import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BULK_FORM, BulkReview } from "@/components/entry/bulk-review";
import { EvidenceList } from "@/components/entry/evidence-list";
import { ReviewAnnouncer } from "@/components/entry/review-announcer";
import { ReviewForm } from "@/components/entry/review-row";
import { TableScroll } from "@/components/ui/table-scroll";
import { isPercent } from "@/lib/domain/measures";
import { can } from "@/lib/domain/permissions";
import { listEvidence } from "@/lib/server/evidence/service";
import { gateProjectPage } from "@/lib/server/projects/page-gate";
import { mayReview, type ReviewFilters, reviewQueue } from "@/lib/server/results/review-queue";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<ReviewFilters> };

export default async function ReviewPage({ params, searchParams }: Props) {
  const [{ user, project }, filters] = await Promise.all([gateProjectPage(params, mayReview), searchParams]);
  const [queue, t, tPage, format] = await Promise.all([
    reviewQueue(user, project.id, filters),
    getTranslations("entry.review"),
    getTranslations("indicatorPage"),
    getFormatter(),
  ]);
  const files = await listEvidence(user, project.id, { resultIds: queue.items.map((r) => r.id) });
  const filesOf = (resultId: string) => files.filter((f) => f.resultId === resultId);
  const number = (n: number | null, percent = false) =>
    n === null ? "–" : `${format.number(n, { maximumFractionDigits: 1 })}${percent ? " %" : ""}`;
  const value = (r: (typeof queue.items)[number]) =>
    r.textValue ??
    (r.numerator !== null && r.denominator !== null
      ? `${format.number(r.numerator)} / ${format.number(r.denominator)} (${number(r.figure, true)})`
      : number(r.value));
  const select = (name: keyof ReviewFilters, all: string, choices: { id: string; label: string }[]) => (
    <label>
      <span className="visually-hidden">{all}</span>
      <select name={name} defaultValue={filters[name] ?? ""}>
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <p>
        <Link href={`/projects/${project.id}`}>← {project.name}</Link>
      </p>
      <h1>{t("title")}</h1>
      {/* A partner's reviewer decides the first level of two-level approval, at the partner's places. */}
      {!can(user, "results.review", project.id) && <p className="muted">{t("partnerIntro")}</p>}
      <ReviewAnnouncer>
        {queue.total === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <>
            <form className="filters no-print" aria-label={t("filters")}>
              {select("indicator", t("allIndicators"), queue.choices.indicators)}
              {select("location", t("allLocations"), queue.choices.locations)}
              {select("time", t("allTimes"), queue.choices.times)}
              {select("submitter", t("allSubmitters"), queue.choices.submitters)}
              <button type="submit" className="button secondary">
                {t("show")}
              </button>
            </form>
            <p role="status">{t("shownOf", { shown: queue.items.length, total: queue.total })}</p>
            <BulkReview projectId={project.id} shown={queue.items.length} />
            <TableScroll label={t("title")}>
              <table className="data review-table">
                <caption>{t("title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t("bulk")}</span>
                    </th>
                    <th scope="col">{tPage("figure")}</th>
                    <th scope="col">{tPage("location")}</th>
                    <th scope="col">{tPage("periodOrRound")}</th>
                    <th scope="col">{tPage("option")}</th>
                    <th scope="col">{tPage("value")}</th>
                    <th scope="col">{t("previous")}</th>
                    <th scope="col">{t("change")}</th>
                    <th scope="col">{t("target")}</th>
                    <th scope="col">{t("submitted")}</th>
                    <th scope="col">{tPage("comments")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("approve")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {queue.items.map((r) => {
                    const time = r.period?.label ?? r.round?.name ?? "";
                    const label = `${r.indicator.code} ${r.location.name} ${time}${r.option ? ` ${r.option.name}` : ""}`;
                    const percent = isPercent(r.indicator.measure);
                    return (
                      <tr key={r.id} data-result={`${r.indicator.code}|${r.location.name}|${time}`}>
                        <td>
                          <input
                            type="checkbox"
                            name="pick"
                            value={`${r.id}:${r.version}`}
                            form={BULK_FORM}
                            aria-label={t("pick", { label })}
                          />
                        </td>
                        <th scope="row">
                          {r.indicator.code} {r.indicator.title}
                        </th>
                        <td>{r.location.name}</td>
                        <td>{time}</td>
                        <td>{r.option ? `${r.option.dimension.name}: ${r.option.name}` : tPage("total")}</td>
                        <td data-col="value">{value(r)}</td>
                        <td data-col="previous">{number(r.previous, percent)}</td>
                        <td data-col="change">
                          {r.change === null ? "–" : `${r.change > 0 ? "+" : ""}${number(r.change, percent)}`}
                        </td>
                        <td data-col="target">
                          {number(r.target, percent)} {r.target !== null && !r.targetIsForTime && t("targetOverall")}
                        </td>
                        <td data-col="submitted">
                          {r.updatedBy?.name ?? "–"}
                          {r.submittedAt && <> · {format.dateTime(r.submittedAt, { dateStyle: "medium" })}</>}
                          {r.status === "PARTNER_APPROVED" && (
                            <>
                              <br />
                              <span className="review-status review-PARTNER_APPROVED" data-status={r.status}>
                                {t("approvedByPartner")}
                              </span>
                            </>
                          )}
                        </td>
                        <td>
                          {r.note || "–"}
                          <EvidenceList
                            projectId={project.id}
                            files={filesOf(r.id)}
                            canManage={can(user, "shareLinks.manage", project.id)}
                          />
                          {r.earlierReturns.map((e) => (
                            <p key={e.at.toISOString()} className="muted">
                              {t("earlier", {
                                comment: `“${e.comment ?? ""}”`,
                                name: e.actor?.name ?? "",
                                date: format.dateTime(e.at, { dateStyle: "medium" }),
                              })}
                            </p>
                          ))}
                        </td>
                        <td>
                          <ReviewForm projectId={project.id} resultId={r.id} version={r.version} label={label} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </ReviewAnnouncer>
    </>
  );
}
