// The demo's partner organisation (#34): a Roma women's organisation reporting the FAIR III project's
// places in Serbia and Montenegro (the issue names Roma CSOs as FAIR's local partners; the organisation
// and its people are ILLUSTRATIVE, the program documents name none). The project asks for two-level
// approval: the partner's reviewer approves its values first, then the project's manager.
import type { PartnerRole } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/platform/db";

export const demoPartner = {
  name: "Roma Women's Network Serbia–Montenegro",
  project: "WB-ROMA-W",
  /** The project's places the partner reports (ISO codes); Bosnia and Herzegovina stays with the project's team. */
  sites: ["RS", "ME"],
  members: [
    { email: "partner.reporter@example.org", role: "REPORTER" },
    { email: "partner.reviewer@example.org", role: "REVIEWER" },
  ] satisfies { email: string; role: PartnerRole }[],
};

/** Writes the partner, its members (demo users, already written) and its sites, and turns on two-level approval. */
export async function loadPartners(tx: Tx, userIds: Map<string, string>): Promise<void> {
  const project = await tx.project.update({
    where: { code: demoPartner.project },
    data: { twoLevelApproval: true },
    select: { id: true },
  });
  const sites = await tx.location.findMany({ where: { isoCode: { in: demoPartner.sites } }, select: { id: true } });
  await tx.partner.create({
    data: {
      name: demoPartner.name,
      // As partnerNameKey (lib/server/partners/service.ts, server-only) keys it: the name is trimmed, single-spaced.
      nameKey: demoPartner.name.toLowerCase(),
      members: {
        create: demoPartner.members.map((m) => ({ userId: userIds.get(m.email) ?? "", role: m.role })),
      },
      sites: { create: sites.map((s) => ({ projectId: project.id, locationId: s.id })) },
    },
  });
}
