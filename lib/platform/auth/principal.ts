import "server-only";
import type { PartnerSites, UserPrincipal } from "@/lib/domain/permissions";
import { type Db, db, type Tx } from "@/lib/platform/db";

export type CurrentUser = UserPrincipal & { name: string; email: string; locale: string | null };

/**
 * A user as a principal, with their project roles read fresh from the database, so a role change or a
 * removed or deactivated account takes effect on the next request (sessions and API tokens alike).
 * Null for an unknown or deactivated user, and for a session
 * (`session` given) that signed in before the user signed out everywhere or changed their password.
 * Needs no Next.js request context (API tokens, scripts and test processes use it too). `client` is a
 * transaction when the answer must be read in it (a webhook's owner, checked as its event is queued).
 */
export async function loadPrincipal(
  userId: string,
  session?: { signedInAt?: number },
  client: Db | Tx = db(),
): Promise<CurrentUser | null> {
  // One statement (every request reads it): the user with their memberships and their partners' sites as
  // JSON arrays, the sites by partner (ascending, which partnerSitesOf's first-partner rule relies on).
  const [user] = await client.$queryRaw<PrincipalRow[]>`
    SELECT u."id", u."name", u."email", u."isAdmin", u."orgRole"::text AS "orgRole", u."locale",
           u."deactivatedAt", u."sessionsRevokedAt",
           COALESCE((SELECT json_agg(json_build_object('projectId', m."projectId", 'role', m."role"::text))
                       FROM "Membership" m WHERE m."userId" = u."id"), '[]'::json) AS "memberships",
           COALESCE((SELECT json_agg(json_build_object('partnerId', pm."partnerId", 'role', pm."role"::text,
                                                       'projectId', ps."projectId", 'locationId', ps."locationId")
                                     ORDER BY pm."partnerId", ps."assignedAt", ps."projectId", ps."locationId")
                       FROM "PartnerMember" pm JOIN "PartnerSite" ps ON ps."partnerId" = pm."partnerId"
                      WHERE pm."userId" = u."id"), '[]'::json) AS "sites"
      FROM "User" u
     WHERE u."id" = ${userId}`;
  if (!user || user.deactivatedAt) return null;
  if (session && user.sessionsRevokedAt && (session.signedInAt ?? 0) < user.sessionsRevokedAt.getTime()) return null;
  return {
    kind: "user",
    userId: user.id,
    isAdmin: user.isAdmin,
    orgRole: user.orgRole,
    name: user.name,
    email: user.email,
    locale: user.locale,
    roles: Object.fromEntries(user.memberships.map((m) => [m.projectId, m.role])),
    partnerSites: partnerSitesOf(user.sites),
  };
}

type PrincipalRow = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  orgRole: CurrentUser["orgRole"];
  locale: string | null;
  deactivatedAt: Date | null;
  sessionsRevokedAt: Date | null;
  memberships: { projectId: string; role: CurrentUser["roles"][string] }[];
  sites: PartnerSiteRow[];
};

/** A site of one of the user's partners, with the user's role for that partner. */
type PartnerSiteRow = { partnerId: string; role: PartnerSites["role"]; projectId: string; locationId: string };

/**
 * The sites of the user's partners by project. Several partners with sites in one project: the union of
 * their sites, reviewing only if the user reviews for each of them (see UserPrincipal.partnerSites).
 */
function partnerSitesOf(sites: PartnerSiteRow[]): Record<string, PartnerSites> {
  const byProject: Record<string, PartnerSites> = {};
  for (const site of sites) {
    const seen = byProject[site.projectId];
    if (!seen)
      byProject[site.projectId] = { partnerId: site.partnerId, role: site.role, locationIds: [site.locationId] };
    else {
      if (!seen.locationIds.includes(site.locationId)) seen.locationIds.push(site.locationId);
      if (seen.partnerId !== site.partnerId && site.role === "REPORTER") seen.role = "REPORTER";
    }
  }
  return byProject;
}
