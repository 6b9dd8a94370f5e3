// Partner organisations (#34): instance admins keep the partners and their members ("partners.manage");
// a project's manager assigns the project's places to partners and asks for two-level approval
// ("partners.assign"). What a partner's members may then do at their sites: placesWhere in
// lib/domain/permissions. Refusals name the field (EditRefused: nameTaken, unknownUser, notInProject,
// otherPartner, unknown), nothing written; every change is audited.
import "server-only";
import { z } from "zod";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import type { PartnerRole } from "@/lib/generated/prisma/enums";
import { db, type Tx } from "@/lib/platform/db";
import { isUniqueViolation } from "@/lib/platform/db/unique-violation";
import { recordAudit } from "@/lib/server/audit/record";
import { EditRefused } from "@/lib/server/projects/edit";

/** How partners are told apart: the name trimmed, spaces collapsed, lower case. */
export const partnerNameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export const partnerSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "required")
    .max(200, "tooLong")
    .transform((name) => name.replace(/\s+/g, " ")),
});

export const partnerMemberSchema = z.object({
  email: z.string().trim().toLowerCase().email("email").max(200, "tooLong"),
  role: z.enum(["REPORTER", "REVIEWER"], { error: "invalid" }),
});

/** Every partner with its members and how many sites it reports, by name. */
export async function listPartners(principal: Principal) {
  assertCan(principal, "partners.manage");
  const partners = await db().partner.findMany({
    orderBy: { nameKey: "asc" },
    include: {
      members: {
        orderBy: { user: { name: "asc" } },
        select: { userId: true, role: true, user: { select: { name: true, email: true } } },
      },
      _count: { select: { sites: true } },
    },
  });
  return partners.map((p) => ({
    id: p.id,
    name: p.name,
    sites: p._count.sites,
    members: p.members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role })),
  }));
}

/** A new partner; a name already taken (whatever its case and spacing) is refused on `name`. */
export async function createPartner(principal: Principal, input: z.input<typeof partnerSchema>) {
  assertCan(principal, "partners.manage");
  const userId = requireUserId(principal);
  const { name } = partnerSchema.parse(input);
  const nameKey = partnerNameKey(name);
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.partner.findUnique({ where: { nameKey } })) throw new EditRefused("name", "nameTaken");
      const partner = await tx.partner.create({ data: { name, nameKey }, select: { id: true, name: true } });
      await recordAudit(tx, {
        action: "partner.create",
        entityType: "Partner",
        entityId: partner.id,
        actorUserId: userId,
        after: { name },
      });
      return partner;
    });
  } catch (error) {
    // Two admins adding the same name at once: the second is told it is taken.
    throw isUniqueViolation(error) ? new EditRefused("name", "nameTaken") : error;
  }
}

/**
 * Adds a user of this instance (by e-mail) to a partner with a role, or changes the role of a member.
 * An address without an (active) account is refused on `email`.
 */
export async function addPartnerMember(
  principal: Principal,
  partnerId: string,
  input: z.input<typeof partnerMemberSchema>,
) {
  assertCan(principal, "partners.manage");
  const actor = requireUserId(principal);
  const { email, role } = partnerMemberSchema.parse(input);
  return db().$transaction(async (tx) => {
    await partnerOrRefuse(tx, partnerId);
    const user = await tx.user.findFirst({ where: { email, deactivatedAt: null }, select: { id: true } });
    if (!user) throw new EditRefused("email", "unknownUser");
    const before = await tx.partnerMember.findUnique({ where: { partnerId_userId: { partnerId, userId: user.id } } });
    await tx.partnerMember.upsert({
      where: { partnerId_userId: { partnerId, userId: user.id } },
      create: { partnerId, userId: user.id, role },
      update: { role },
    });
    await recordAudit(tx, {
      action: before ? "partner.memberRole" : "partner.memberAdd",
      entityType: "Partner",
      entityId: partnerId,
      actorUserId: actor,
      ...(before ? { before: { userId: user.id, role: before.role } } : {}),
      after: { userId: user.id, email, role },
    });
    return { userId: user.id, role: role as PartnerRole };
  });
}

/** Removes a member from a partner (nothing to do when they are not one). */
export async function removePartnerMember(principal: Principal, partnerId: string, userId: string) {
  assertCan(principal, "partners.manage");
  const actor = requireUserId(principal);
  await db().$transaction(async (tx) => {
    const removed = await tx.partnerMember.deleteMany({ where: { partnerId, userId } });
    if (removed.count === 0) return;
    await recordAudit(tx, {
      action: "partner.memberRemove",
      entityType: "Partner",
      entityId: partnerId,
      actorUserId: actor,
      before: { userId },
    });
  });
}

/**
 * A project's partner page: whether it asks for two-level approval, every partner (to assign), and the
 * project's places in tree order (a place under another of the project's places follows it, one level
 * deeper) with the partner each is assigned to.
 */
export async function projectPartners(principal: Principal, projectId: string) {
  assertCan(principal, "partners.assign", projectId);
  const prisma = db();
  const [project, partners] = await Promise.all([
    prisma.project.findUniqueOrThrow({
      where: { id: projectId },
      select: {
        twoLevelApproval: true,
        locations: {
          select: {
            locationId: true,
            location: { select: { name: true, parentId: true } },
            partnerSite: { select: { partnerId: true } },
          },
        },
      },
    }),
    prisma.partner.findMany({ orderBy: { nameKey: "asc" }, select: { id: true, name: true } }),
  ]);
  const ids = new Set(project.locations.map((l) => l.locationId));
  const byParent = new Map<string | null, typeof project.locations>();
  for (const l of [...project.locations].sort((a, b) => a.location.name.localeCompare(b.location.name))) {
    const parent = l.location.parentId && ids.has(l.location.parentId) ? l.location.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), l]);
  }
  const places: { locationId: string; name: string; depth: number; partnerId: string | null }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const l of byParent.get(parent) ?? []) {
      places.push({
        locationId: l.locationId,
        name: l.location.name,
        depth,
        partnerId: l.partnerSite?.partnerId ?? null,
      });
      walk(l.locationId, depth + 1);
    }
  };
  walk(null, 0);
  return { twoLevelApproval: project.twoLevelApproval, partners, places };
}

/**
 * Assigns places of the project to a partner, all or nothing. Each must be one of the project's places
 * (else `notInProject`); a place another partner reports is refused (`otherPartner`) unless `reassign`
 * says to move it. Values already entered there stay as they are.
 */
export async function assignSites(
  principal: Principal,
  projectId: string,
  partnerId: string,
  locationIds: string[],
  options: { reassign?: boolean } = {},
) {
  assertCan(principal, "partners.assign", projectId);
  const actor = requireUserId(principal);
  const wanted = [...new Set(locationIds)];
  await db().$transaction(async (tx) => {
    await partnerOrRefuse(tx, partnerId, "partnerId");
    const [inProject, taken] = await Promise.all([
      tx.projectLocation.findMany({ where: { projectId, locationId: { in: wanted } }, select: { locationId: true } }),
      tx.partnerSite.findMany({ where: { projectId, locationId: { in: wanted } } }),
    ]);
    if (inProject.length !== wanted.length) throw new EditRefused("locationIds", "notInProject");
    const others = taken.filter((s) => s.partnerId !== partnerId);
    if (others.length && !options.reassign) throw new EditRefused("locationIds", "otherPartner");
    const fresh = wanted.filter((id) => !taken.some((s) => s.locationId === id && s.partnerId === partnerId));
    if (fresh.length === 0) return;
    await tx.partnerSite.deleteMany({ where: { projectId, locationId: { in: others.map((s) => s.locationId) } } });
    await tx.partnerSite.createMany({ data: fresh.map((locationId) => ({ projectId, locationId, partnerId })) });
    await recordAudit(tx, {
      action: "partner.assignSites",
      entityType: "Partner",
      entityId: partnerId,
      projectId,
      actorUserId: actor,
      ...(others.length ? { before: others.map((s) => ({ locationId: s.locationId, partnerId: s.partnerId })) } : {}),
      after: { locationIds: fresh },
    });
  });
}

/** Takes places of the project from whichever partner reports them (those not assigned are left alone). */
export async function unassignSites(principal: Principal, projectId: string, locationIds: string[]) {
  assertCan(principal, "partners.assign", projectId);
  const actor = requireUserId(principal);
  await db().$transaction(async (tx) => {
    const sites = await tx.partnerSite.findMany({ where: { projectId, locationId: { in: locationIds } } });
    if (sites.length === 0) return;
    await tx.partnerSite.deleteMany({ where: { projectId, locationId: { in: sites.map((s) => s.locationId) } } });
    await recordAudit(tx, {
      action: "partner.unassignSites",
      entityType: "Project",
      entityId: projectId,
      projectId,
      actorUserId: actor,
      before: sites.map((s) => ({ locationId: s.locationId, partnerId: s.partnerId })),
    });
  });
}

/**
 * Whether values at the partners' sites are approved by the partner's reviewer before the project's
 * manager. Turning it off leaves values a partner approved waiting for the manager, as before.
 */
export async function setTwoLevelApproval(principal: Principal, projectId: string, on: boolean) {
  assertCan(principal, "partners.assign", projectId);
  const actor = requireUserId(principal);
  await db().$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { twoLevelApproval: true } });
    if (before.twoLevelApproval === on) return;
    await tx.project.update({ where: { id: projectId }, data: { twoLevelApproval: on } });
    await recordAudit(tx, {
      action: "project.twoLevelApproval",
      entityType: "Project",
      entityId: projectId,
      projectId,
      actorUserId: actor,
      before: { twoLevelApproval: before.twoLevelApproval },
      after: { twoLevelApproval: on },
    });
  });
}

async function partnerOrRefuse(tx: Tx, partnerId: string, field = "partnerId") {
  const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true } });
  if (!partner) throw new EditRefused(field, "unknown");
  return partner;
}
