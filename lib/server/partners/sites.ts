// Which partner reports each place of a project, and whether its values there wait for the partner's
// approval first (two-level approval): read by review, the review queue, the inbox and review mails.
import "server-only";
import { type Db, db, type Tx } from "@/lib/platform/db";

export type PartnerReview = { twoLevel: boolean; partnerOf: Map<string, string> };

export async function partnerReview(projectId: string, client: Db | Tx = db()): Promise<PartnerReview> {
  const project = await client.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { twoLevelApproval: true, partnerSites: { select: { locationId: true, partnerId: true } } },
  });
  return {
    twoLevel: project.twoLevelApproval,
    partnerOf: new Map(project.partnerSites.map((s) => [s.locationId, s.partnerId])),
  };
}

/** Whether a value submitted at this place is approved by its partner before the project's reviewer. */
export function awaitsPartner(review: PartnerReview, locationId: string): boolean {
  return review.twoLevel && review.partnerOf.has(locationId);
}
