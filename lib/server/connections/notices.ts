// Telling people that a connection fails, once per failure episode: when a run (on demand, scheduled or
// pushed) fails and the connection is broken (its credentials refused) or its last few runs all failed,
// the project's managers and the user whose run failed hear of it in their inbox and by e-mail. The
// episode is kept on the connection (failureNoticeAt), claimed by one conditional update so two failing
// runs never both tell; it ends when a pull works again (applySubmissions clears it), and a new failure
// after that is told anew. Retries and hourly runs meanwhile say nothing more.
import "server-only";
import { isLocale, type Locale } from "@/lib/domain/i18n/config";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { can } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { translator } from "@/lib/platform/i18n/translator";
import { log } from "@/lib/platform/ops/log";
import { sendMail } from "@/lib/platform/ops/mail";

/** Failures in a row that make an episode when the connection is not broken (a server down a while). */
export const FAILURES_BEFORE_NOTICE = 3;
/**
 * A push-in batch that waited for a long sync (which applies it), a sync whose lease another took over,
 * a run left when the connection was pointed at another form.
 */
const NOT_FAILURES = ["syncRunning", "leaseLost", "superseded"];

/**
 * After a failed run of the connection: opens the failure episode and tells, when this failure makes one
 * and none is open. Resolves once the mails are handed over; true when it told.
 */
export async function noticeFailure(connectionId: string, run: { userId: string | null; trigger: string }) {
  const connection = await db().connection.findUnique({
    where: { id: connectionId },
    select: { id: true, name: true, projectId: true, status: true, brokenReason: true, failureNoticeAt: true },
  });
  if (!connection || connection.failureNoticeAt) return false;
  const recent = await db().connectionSync.findMany({
    // Runs that stopped for another run's sake, not the server's, are no failures of the connection.
    where: { connectionId, status: { not: "RUNNING" }, OR: [{ error: null }, { error: { notIn: NOT_FAILURES } }] },
    orderBy: { startedAt: "desc" },
    take: FAILURES_BEFORE_NOTICE,
    select: { status: true, error: true },
  });
  const repeated = recent.length === FAILURES_BEFORE_NOTICE && recent.every((r) => r.status === "FAILED");
  if (connection.status !== "BROKEN" && !repeated) return false;
  const claimed = await db().connection.updateMany({
    where: { id: connectionId, failureNoticeAt: null },
    data: { failureNoticeAt: new Date(), failureNoticeUserId: run.userId },
  });
  if (claimed.count === 0) return false;
  const reason =
    connection.status === "BROKEN" ? (connection.brokenReason ?? "failed") : (recent[0]?.error ?? "failed");
  await mailFailure(connection, reason, run).catch((error) =>
    log.warn({ err: error, connectionId }, "connection failure mail not sent"),
  );
  return true;
}

async function mailFailure(
  connection: { id: string; name: string; projectId: string },
  reason: string,
  run: { userId: string | null; trigger: string },
) {
  if (!env().SMTP_URL) return;
  const [project, people] = await Promise.all([
    db().project.findUniqueOrThrow({ where: { id: connection.projectId }, select: { name: true } }),
    db().user.findMany({
      where: {
        // A deactivated account is told nothing.
        deactivatedAt: null,
        OR: [
          { memberships: { some: { projectId: connection.projectId, role: "MANAGER" } } },
          ...(run.userId ? [{ id: run.userId }] : []),
        ],
      },
      select: { email: true, locale: true },
    }),
  ]);
  const link = new URL(`/projects/${connection.projectId}/connections`, env().APP_URL).toString();
  for (const person of people) {
    const locale: Locale = person.locale && isLocale(person.locale) ? person.locale : "en";
    const t = translator(locale);
    // Keys made from stored codes: a code without a message is said as it is.
    const said = (key: string): string =>
      t.has(key as Parameters<typeof t>[0]) ? t(key as Parameters<typeof t>[0]) : (key.split(".").pop() ?? key);
    await sendMail({
      to: person.email,
      subject: t("mail.connectionFailedSubject", { name: connection.name, project: project.name }),
      text: t("mail.connectionFailedText", {
        name: connection.name,
        project: project.name,
        trigger: said(`connections.triggers.${run.trigger}`),
        reason: said(`connections.reasons.${reason}`),
        link,
      }),
    });
  }
}

export type FailingConnection = {
  id: string;
  name: string;
  projectId: string;
  project: string;
  since: Date;
  reason: string;
};

/**
 * The failing connections the user was told of, for the inbox: in the projects they manage, and the one
 * whose failing run was theirs while they may still sync it. Gone once it works again.
 */
export async function failingConnections(user: UserPrincipal): Promise<FailingConnection[]> {
  const projects = Object.keys(user.roles).filter((id) => can(user, "connections.sync", id));
  if (projects.length === 0) return [];
  const managed = projects.filter((id) => can(user, "connections.manage", id));
  // One statement: the reason is a broken connection's own, else its latest failed run's error.
  return db().$queryRaw<FailingConnection[]>`
    SELECT c."id", c."name", c."projectId", p."name" AS "project", c."failureNoticeAt" AS "since",
           COALESCE(CASE WHEN c."status"::text = 'BROKEN' THEN c."brokenReason"
                         ELSE (SELECT s."error" FROM "ConnectionSync" s
                                WHERE s."connectionId" = c."id" AND s."status"::text = 'FAILED'
                                ORDER BY s."startedAt" DESC LIMIT 1) END, 'failed') AS "reason"
      FROM "Connection" c
      JOIN "Project" p ON p."id" = c."projectId"
     WHERE c."failureNoticeAt" IS NOT NULL
       AND c."projectId" = ANY(${projects})
       AND (c."projectId" = ANY(${managed}) OR c."failureNoticeUserId" = ${user.userId})
     ORDER BY c."failureNoticeAt" ASC`;
}
