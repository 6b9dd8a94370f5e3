import { expect, test } from "vitest";
import { hashToken, newSecretToken } from "@/lib/domain/api-tokens/token";
import { can, ForbiddenError } from "@/lib/domain/permissions";
import { verifyCredentials } from "@/lib/platform/auth/credentials";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";
import { createApiToken } from "@/lib/server/api-tokens/service";
import { principalForApiToken } from "@/lib/server/api-tokens/verify";
import { createProject } from "@/lib/server/projects/create";
import { joinInvitation } from "@/lib/server/projects/members";
import { principalFor } from "@/lib/testing/principals";
import { changeUser, listUsers, resetLinkFor } from "./manage";

const definition = (code: string) => ({ code, name: code, startDate: "2026-01-01", endDate: "2026-12-31" });

test("a program manager creates a project and manages it; a plain user cannot create one", async () => {
  const admin = await principalFor("admin@example.org");
  const viewer = await principalFor("viewer@example.org");
  await expect(createProject(viewer, definition("PM-NO"))).rejects.toThrow(ForbiddenError);

  await changeUser(admin, viewer.userId, "grantProgramManager");
  const programManager = await principalFor("viewer@example.org");
  expect(programManager.orgRole).toBe("PROGRAM_MANAGER");
  // Named managers join; the program manager manages it all the same.
  const created = await createProject(programManager, definition("PM-1"), { managerEmails: ["manager@example.org"] });
  expect(created.problems).toEqual([]);
  const members = await db().membership.findMany({
    where: { projectId: created.projectId },
    include: { user: { select: { email: true } } },
  });
  expect(members.map((m) => [m.user.email, m.role]).sort()).toEqual([
    ["manager@example.org", "MANAGER"],
    ["viewer@example.org", "MANAGER"],
  ]);

  await changeUser(admin, viewer.userId, "revokeProgramManager");
  await expect(createProject(await principalFor("viewer@example.org"), definition("PM-2"))).rejects.toThrow(
    ForbiddenError,
  );
  const audits = await db().auditEvent.findMany({
    where: { entityId: viewer.userId, action: { startsWith: "user." } },
    orderBy: { at: "asc" },
  });
  expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([
    ["user.grantProgramManager", admin.userId],
    ["user.revokeProgramManager", admin.userId],
  ]);
});

test("an M&E lead is granted and revoked by an admin; one organisation role replaces the other", async () => {
  const admin = await principalFor("admin@example.org");
  const viewer = await principalFor("viewer@example.org");
  await changeUser(admin, viewer.userId, "grantProgramManager");
  await changeUser(admin, viewer.userId, "grantMeLead");
  const meLead = await principalFor("viewer@example.org");
  expect(meLead.orgRole).toBe("ME_LEAD");
  expect(can(meLead, "library.manage")).toBe(true);
  expect(can(meLead, "projects.create")).toBe(false);
  // Revoking the role they no longer hold leaves the M&E lead's.
  await changeUser(admin, viewer.userId, "revokeProgramManager");
  expect((await principalFor("viewer@example.org")).orgRole).toBe("ME_LEAD");
  await expect(changeUser(meLead, meLead.userId, "grantAdmin")).rejects.toThrow(ForbiddenError);
  await changeUser(admin, viewer.userId, "revokeMeLead");
  const plain = await principalFor("viewer@example.org");
  expect(plain.orgRole).toBeNull();
  expect(can(plain, "library.manage")).toBe(false);
  const audits = await db().auditEvent.findMany({
    where: { entityId: viewer.userId, action: { startsWith: "user." } },
    orderBy: { at: "asc" },
  });
  // The file's earlier test audited this user too: these are the last four.
  expect(audits.map((a) => a.action).slice(-4)).toEqual([
    "user.grantProgramManager",
    "user.grantMeLead",
    "user.revokeProgramManager",
    "user.revokeMeLead",
  ]);
});

test("only admins list users and change them; a refusal changes nothing", async () => {
  const viewer = await principalFor("viewer@example.org");
  const manager = await principalFor("manager@example.org");
  const admin = await principalFor("admin@example.org");
  await db().user.update({ where: { id: manager.userId }, data: { orgRole: "PROGRAM_MANAGER" } });
  const programManager = await principalFor("manager@example.org");
  for (const caller of [viewer, programManager]) {
    await expect(listUsers(caller)).rejects.toThrow(ForbiddenError);
    await expect(changeUser(caller, admin.userId, "deactivate")).rejects.toThrow(ForbiddenError);
    await expect(changeUser(caller, caller.userId, "grantAdmin")).rejects.toThrow(ForbiddenError);
    await expect(resetLinkFor(caller, admin.userId)).rejects.toThrow(ForbiddenError);
  }
  expect(await db().user.count({ where: { isAdmin: true } })).toBe(1);
  expect(await db().passwordReset.count()).toBe(0);

  const users = await listUsers(admin);
  const listed = users.find((u) => u.email === "manager@example.org");
  expect(listed).toMatchObject({ orgRole: "PROGRAM_MANAGER", isAdmin: false, deactivatedAt: null });
  expect(listed?.projects.length).toBeGreaterThan(0);

  const link = await resetLinkFor(admin, viewer.userId);
  expect(link).toMatch(/\/reset\/r_/);
  expect(
    await db().auditEvent.count({
      where: { action: "user.resetLink", entityId: viewer.userId, actorUserId: admin.userId },
    }),
  ).toBe(1);
});

test("deactivating ends the user's sessions and API tokens at once; they cannot sign in until reactivated", async () => {
  const admin = await principalFor("admin@example.org");
  const manager = await principalFor("manager@example.org");
  const { token } = await createApiToken(manager, { name: "Integration", expiresAt: null });
  const session = { signedInAt: Date.now() - 1000 };
  expect(await principalForApiToken(token)).not.toBeNull();
  expect(await verifyCredentials("manager@example.org", "demo-manager-pass")).not.toBeNull();

  await changeUser(admin, manager.userId, "deactivate");
  expect(await loadPrincipal(manager.userId, session)).toBeNull();
  expect(await loadPrincipal(manager.userId)).toBeNull();
  expect(await principalForApiToken(token)).toBeNull();
  expect(await verifyCredentials("manager@example.org", "demo-manager-pass")).toBeNull();
  expect(await db().apiToken.count({ where: { userId: manager.userId, revokedAt: null } })).toBe(0);
  const audit = await db().auditEvent.findFirstOrThrow({
    where: { action: "user.deactivate", entityId: manager.userId },
  });
  expect(audit).toMatchObject({ actorUserId: admin.userId, after: { active: false, revokedTokens: 1 } });

  // Back: a new sign-in works; the old session and token stay ended.
  await changeUser(admin, manager.userId, "reactivate");
  expect(await verifyCredentials("manager@example.org", "demo-manager-pass")).not.toBeNull();
  expect(await loadPrincipal(manager.userId, session)).toBeNull();
  expect(await loadPrincipal(manager.userId, { signedInAt: Date.now() + 1 })).not.toBeNull();
  expect(await principalForApiToken(token)).toBeNull();
});

test("an admin cannot deactivate or demote themselves, and the last active admin stays", async () => {
  const admin = await principalFor("admin@example.org");
  const manager = await principalFor("manager@example.org");
  await expect(changeUser(admin, admin.userId, "deactivate")).rejects.toMatchObject({ code: "ownAccount" });
  await expect(changeUser(admin, admin.userId, "revokeAdmin")).rejects.toMatchObject({ code: "ownAccount" });

  await changeUser(admin, manager.userId, "grantAdmin");
  const second = await principalFor("manager@example.org");
  // Two active admins: one may deactivate the other; a deactivated admin does not count as one.
  await changeUser(second, admin.userId, "deactivate");
  await expect(changeUser(second, second.userId, "revokeAdmin")).rejects.toMatchObject({ code: "ownAccount" });
  await changeUser(second, admin.userId, "revokeAdmin");
  await changeUser(second, admin.userId, "reactivate");
  expect(await db().user.count({ where: { isAdmin: true, deactivatedAt: null } })).toBe(1);
  expect(await db().auditEvent.count({ where: { entityId: admin.userId, actorUserId: second.userId } })).toBe(3);
  // As it was: the demo admin the only admin.
  await changeUser(second, admin.userId, "grantAdmin");
  await changeUser(admin, second.userId, "revokeAdmin");
});

test("the last admin guard: an admin demoted by another leaves no instance without an admin", async () => {
  const admin = await principalFor("admin@example.org");
  const manager = await principalFor("manager@example.org");
  await changeUser(admin, manager.userId, "grantAdmin");
  const second = await principalFor("manager@example.org");
  await changeUser(admin, second.userId, "revokeAdmin");
  // `second`'s stale principal still says admin; the database says the one admin left is `admin`.
  await expect(changeUser(second, admin.userId, "revokeAdmin")).rejects.toMatchObject({ code: "lastAdmin" });
  await expect(changeUser(second, admin.userId, "deactivate")).rejects.toMatchObject({ code: "lastAdmin" });
  expect(await db().user.findUniqueOrThrow({ where: { id: admin.userId } })).toMatchObject({
    isAdmin: true,
    deactivatedAt: null,
  });
});

test("an invited user who is signed in joins with one click; someone else's invitation does not work", async () => {
  const viewer = await principalFor("viewer@example.org");
  const manager = await principalFor("manager@example.org");
  const project = await db().project.findFirstOrThrow({ where: { memberships: { none: { userId: viewer.userId } } } });
  const token = newSecretToken("i");
  await db().invitation.create({
    data: {
      projectId: project.id,
      email: "viewer@example.org",
      role: "EVALUATOR",
      tokenHash: hashToken(token),
      invitedById: manager.userId,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  expect(await joinInvitation(manager, token)).toBeNull();
  expect(await joinInvitation(viewer, token)).toEqual({ projectId: project.id });
  expect((await principalFor("viewer@example.org")).roles[project.id]).toBe("EVALUATOR");
  // Once only.
  expect(await joinInvitation(viewer, token)).toBeNull();
});
