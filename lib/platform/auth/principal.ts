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
  const user = await client.user.findUnique({
    where: { id: userId },
    include: {
      memberships: true,
      partnerMembers: {
        orderBy: { partnerId: "asc" },
        select: {
          partnerId: true,
          role: true,
          partner: { select: { sites: { select: { projectId: true, locationId: true } } } },
        },
      },
    },
  });
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
    partnerSites: partnerSitesOf(user.partnerMembers),
  };
}

/**
 * The sites of the user's partners by project. Several partners with sites in one project: the union of
 * their sites, reviewing only if the user reviews for each of them (see UserPrincipal.partnerSites).
 */
function partnerSitesOf(
  memberships: {
    partnerId: string;
    role: PartnerSites["role"];
    partner: { sites: { projectId: string; locationId: string }[] };
  }[],
): Record<string, PartnerSites> {
  const byProject: Record<string, PartnerSites> = {};
  for (const m of memberships) {
    for (const site of m.partner.sites) {
      const seen = byProject[site.projectId];
      if (!seen) byProject[site.projectId] = { partnerId: m.partnerId, role: m.role, locationIds: [site.locationId] };
      else {
        if (!seen.locationIds.includes(site.locationId)) seen.locationIds.push(site.locationId);
        if (seen.partnerId !== m.partnerId && m.role === "REPORTER") seen.role = "REPORTER";
      }
    }
  }
  return byProject;
}
