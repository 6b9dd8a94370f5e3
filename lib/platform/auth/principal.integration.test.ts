import { beforeAll, expect, test } from "vitest";
import { db, type SentQuery, watchQueries } from "@/lib/platform/db";
import { locationId, projectId } from "@/lib/testing/principals";
import { loadPrincipal } from "./principal";

const sent: SentQuery[] = [];
let reviewerId = "";
let roma = "";
let peru = "";

/**
 * What the database says of a user, read another way: their roles by project, and by project the places
 * of all their partners' sites (the role rules are the specific test's).
 */
async function storedAccess(userId: string) {
  const user = await db().user.findUnique({
    where: { id: userId },
    include: { memberships: true, partnerMembers: { include: { partner: { include: { sites: true } } } } },
  });
  if (!user || user.deactivatedAt) return null;
  const places: Record<string, string[]> = {};
  for (const m of user.partnerMembers)
    for (const site of m.partner.sites) places[site.projectId] = [...(places[site.projectId] ?? []), site.locationId];
  return {
    userId: user.id,
    isAdmin: user.isAdmin,
    orgRole: user.orgRole,
    name: user.name,
    email: user.email,
    locale: user.locale,
    roles: Object.fromEntries(user.memberships.map((m) => [m.projectId, m.role])),
    places: Object.fromEntries(Object.entries(places).map(([id, list]) => [id, [...new Set(list)].sort()])),
  };
}

/** A principal's access in the shape storedAccess gives. */
const accessOf = (principal: Awaited<ReturnType<typeof loadPrincipal>>) =>
  principal && {
    userId: principal.userId,
    isAdmin: principal.isAdmin,
    orgRole: principal.orgRole,
    name: principal.name,
    email: principal.email,
    locale: principal.locale,
    roles: principal.roles,
    places: Object.fromEntries(
      Object.entries(principal.partnerSites ?? {}).map(([id, s]) => [id, [...s.locationIds].sort()]),
    ),
  };

beforeAll(async () => {
  await watchQueries((query) => sent.push(query));
  roma = await projectId("WB-ROMA-W");
  peru = await projectId("PE-VEN-2021");
  // The demo partner's reviewer (sites RS and ME of the Roma project) also reports for a second partner
  // with Bosnia's site in the same project, and is a viewer of Peru's project.
  const reviewer = await db().user.findUniqueOrThrow({ where: { email: "partner.reviewer@example.org" } });
  reviewerId = reviewer.id;
  await db().partner.create({
    data: {
      name: "Second partner",
      nameKey: "second partner",
      members: { create: { userId: reviewerId, role: "REPORTER" } },
      sites: { create: { projectId: roma, locationId: await locationId("BA") } },
    },
  });
  await db().membership.create({ data: { userId: reviewerId, projectId: peru, role: "VIEWER" } });
});

test("loads a user with memberships and two partners' sites in one project in one statement, as before", async () => {
  sent.length = 0;
  const principal = await loadPrincipal(reviewerId, { signedInAt: Date.now() });
  expect(sent.length, sent.map((q) => q.query.slice(0, 80)).join("\n")).toBe(1);
  expect(principal?.roles).toEqual({ [peru]: "VIEWER" });
  // The union of both partners' sites; reviewing only if the user reviews for each partner (not here).
  const sites = principal?.partnerSites?.[roma];
  expect([...(sites?.locationIds ?? [])].sort()).toEqual(
    [await locationId("BA"), await locationId("ME"), await locationId("RS")].sort(),
  );
  expect(sites?.role).toBe("REPORTER");
  expect(accessOf(principal)).toEqual(await storedAccess(reviewerId));
});

test("every demo user loads with their stored roles and partners' places, also in a transaction", async () => {
  const users = await db().user.findMany({ select: { id: true } });
  for (const { id } of users) {
    const stored = await storedAccess(id);
    expect(accessOf(await loadPrincipal(id)), id).toEqual(stored);
    sent.length = 0;
    const inTransaction = await db().$transaction((tx) => loadPrincipal(id, undefined, tx));
    expect(accessOf(inTransaction), id).toEqual(stored);
    expect(sent.filter((q) => /^\s*SELECT/.test(q.query)).length).toBe(1);
  }
  expect(await loadPrincipal("no-such-user")).toBeNull();
});

test("a deactivated user, and a session from before the user signed out everywhere, load as null", async () => {
  const manager = await db().user.findUniqueOrThrow({ where: { email: "manager@example.org" } });
  const revokedAt = new Date(Date.now() - 60_000);
  await db().user.update({ where: { id: manager.id }, data: { sessionsRevokedAt: revokedAt } });
  expect(await loadPrincipal(manager.id, { signedInAt: revokedAt.getTime() - 1 })).toBeNull();
  expect(await loadPrincipal(manager.id, {})).toBeNull();
  expect(await loadPrincipal(manager.id, { signedInAt: revokedAt.getTime() })).not.toBeNull();
  // Without a session (an API token) the sign-out does not apply.
  expect(await loadPrincipal(manager.id)).not.toBeNull();
  await db().user.update({ where: { id: manager.id }, data: { deactivatedAt: new Date() } });
  expect(await loadPrincipal(manager.id, { signedInAt: Date.now() })).toBeNull();
  expect(await loadPrincipal(manager.id)).toBeNull();
});
