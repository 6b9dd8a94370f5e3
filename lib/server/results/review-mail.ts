import "server-only";
import { isLocale, type Locale } from "@/lib/domain/i18n/config";
// Review notifications by e-mail when SMTP is configured (lib/platform/ops/mail.ts): the project's managers
// hear of values submitted for review, evaluators of values returned to them, each in their own
// language with a link to the page where the work waits. Sent after the change is committed, in the
// background: a slow or failing mail server never holds up or undoes a save.
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { translator } from "@/lib/platform/i18n/translator";
import { log } from "@/lib/platform/ops/log";
import { sendMail } from "@/lib/platform/ops/mail";

type Recipient = { email: string; locale: string | null };

async function mailEach(
  recipients: Recipient[],
  compose: (t: ReturnType<typeof translator>) => { subject: string; text: string },
) {
  for (const r of recipients) {
    const locale: Locale = r.locale && isLocale(r.locale) ? r.locale : "en";
    await sendMail({ to: r.email, ...compose(translator(locale)) });
  }
}

/** Started after a commit; never awaited by the request. Resolves when every mail has been handed over. */
function inBackground(work: () => Promise<void>): Promise<void> {
  return work().catch((error) => log.warn({ err: error }, "review mail not sent"));
}

/** Tells the project's managers (but the submitter) that values wait for their review. */
export function mailSubmitted(projectId: string, submitterId: string, count: number): Promise<void> {
  return inBackground(async () => {
    if (!env().SMTP_URL || count === 0) return;
    const [project, submitter, managers] = await Promise.all([
      db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
      db().user.findUnique({ where: { id: submitterId }, select: { name: true } }),
      db().user.findMany({
        where: { id: { not: submitterId }, memberships: { some: { projectId, role: "MANAGER" } } },
        select: { email: true, locale: true },
      }),
    ]);
    const link = new URL(`/projects/${projectId}/review`, env().APP_URL).toString();
    await mailEach(managers, (t) => ({
      subject: t("mail.submittedSubject", { count, project: project.name }),
      text: t("mail.submittedText", { count, project: project.name, name: submitter?.name ?? "", link }),
    }));
  });
}

/** Tells each evaluator whose values were returned why, with the way back to them. */
export function mailReturned(projectId: string, reviewerId: string, resultIds: string[]): Promise<void> {
  return inBackground(async () => {
    if (!env().SMTP_URL || resultIds.length === 0) return;
    const [project, reviewer, results] = await Promise.all([
      db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
      db().user.findUnique({ where: { id: reviewerId }, select: { name: true } }),
      db().result.findMany({
        where: { id: { in: resultIds } },
        select: {
          reviewComment: true,
          indicator: { select: { code: true } },
          location: { select: { name: true } },
          period: { select: { label: true, id: true } },
          round: { select: { name: true, id: true } },
          updatedBy: { select: { id: true, email: true, locale: true } },
        },
      }),
    ]);
    const byEvaluator = new Map<string, typeof results>();
    for (const r of results) {
      const id = r.updatedBy?.id ?? "";
      byEvaluator.set(id, [...(byEvaluator.get(id) ?? []), r]);
    }
    for (const [evaluatorId, returned] of byEvaluator) {
      const evaluator = returned[0]?.updatedBy;
      if (!evaluatorId || !evaluator) continue;
      const time = returned[0]?.period ?? returned[0]?.round;
      const link = new URL(`/projects/${projectId}/entry${time ? `?time=${time.id}` : ""}`, env().APP_URL).toString();
      const lines = returned.map(
        (r) =>
          `- ${r.indicator.code}, ${r.location.name}, ${r.period?.label ?? r.round?.name ?? ""}: “${r.reviewComment ?? ""}”`,
      );
      await mailEach([evaluator], (t) => ({
        subject: t("mail.returnedSubject", { count: returned.length, project: project.name }),
        text: t("mail.returnedText", {
          count: returned.length,
          project: project.name,
          name: reviewer?.name ?? "",
          values: lines.join("\n"),
          link,
        }),
      }));
    }
  });
}
