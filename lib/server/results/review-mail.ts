import "server-only";
import { isLocale, type Locale } from "@/lib/domain/i18n/config";
// Review notifications by e-mail when SMTP is configured (lib/platform/ops/mail.ts): the project's managers
// (with two-level approval, the reviewers of the partner whose site it is) hear of values submitted for
// review, evaluators of values returned to them, each in their own language with a link to the page where the work waits. Sent after the change is committed, in the
// background: a slow or failing mail server never holds up or undoes a save.
import { canAt } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { translator } from "@/lib/platform/i18n/translator";
import { log } from "@/lib/platform/ops/log";
import { sendMail } from "@/lib/platform/ops/mail";
import { awaitsPartner, partnerReview } from "@/lib/server/partners/sites";

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

/**
 * Tells who reviews them (but the sender) that values wait for their review, one place given per value:
 * in a project with two-level approval those at a partner's site go to the partner's reviewers, the
 * others to the project's managers. `forwarded`: values a partner approved, all for the managers now.
 */
export function mailSubmitted(
  projectId: string,
  submitterId: string,
  locationIds: string[],
  options: { forwarded?: boolean } = {},
): Promise<void> {
  return inBackground(async () => {
    if (!env().SMTP_URL || locationIds.length === 0) return;
    const partners = options.forwarded ? null : await partnerReview(projectId);
    const byPartner = new Map<string, number>();
    let forManagers = 0;
    for (const locationId of locationIds) {
      const partnerId =
        partners && awaitsPartner(partners, locationId) ? partners.partnerOf.get(locationId) : undefined;
      if (partnerId) byPartner.set(partnerId, (byPartner.get(partnerId) ?? 0) + 1);
      else forManagers++;
    }
    const [project, submitter] = await Promise.all([
      db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
      db().user.findUnique({ where: { id: submitterId }, select: { name: true } }),
    ]);
    const link = new URL(`/projects/${projectId}/review`, env().APP_URL).toString();
    const tell = (recipients: Recipient[], count: number) =>
      mailEach(recipients, (t) => ({
        subject: t("mail.submittedSubject", { count, project: project.name }),
        text: t("mail.submittedText", { count, project: project.name, name: submitter?.name ?? "", link }),
      }));
    const reviewers = (where: Prisma.UserWhereInput) =>
      db().user.findMany({
        where: { id: { not: submitterId }, deactivatedAt: null, ...where },
        select: { email: true, locale: true },
      });
    if (forManagers)
      await tell(await reviewers({ memberships: { some: { projectId, role: "MANAGER" } } }), forManagers);
    for (const [partnerId, count] of byPartner)
      await tell(await reviewers({ partnerMembers: { some: { partnerId, role: "REVIEWER" } } }), count);
  });
}

/**
 * Tells each evaluator whose values were returned why, with the way back to them: only those still
 * active who may still enter at the value's place (a partner's member moved off a site is not told).
 */
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
          location: { select: { name: true, id: true } },
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
    for (const [evaluatorId, theirs] of byEvaluator) {
      const evaluator = theirs[0]?.updatedBy;
      if (!evaluatorId || !evaluator) continue;
      const principal = await loadPrincipal(evaluatorId);
      const returned = theirs.filter((r) => principal && canAt(principal, "results.enter", projectId, r.location.id));
      if (returned.length === 0) continue;
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
