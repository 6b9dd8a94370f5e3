// Two-level approval (#34): in a project that asks for it, a value submitted at a partner's site is
// approved first by the partner's reviewer (PARTNER_APPROVED), then by the project's reviewer (APPROVED).
// Either level may return it (RETURNED, with a comment) to whoever saved it. Elsewhere review is one
// level, the project's, as it always was: a partner's reviewer decides nothing there.

import type { ReviewStatus } from "@/lib/generated/prisma/enums";

/** Who decides a value next: the partner's reviewer, or the project's. */
export type ReviewStage = "partner" | "project";

/**
 * The stage a value waits at, or null when it waits for no review (a draft, returned or approved value).
 * `awaitsPartner`: the project asks for two-level approval and the value's place is a partner's site.
 */
export function reviewStage(status: ReviewStatus, awaitsPartner: boolean): ReviewStage | null {
  if (status === "PARTNER_APPROVED") return "project";
  if (status !== "SUBMITTED") return null;
  return awaitsPartner ? "partner" : "project";
}

/** What approving a value at its stage makes of it. */
export function approvedAt(stage: ReviewStage): "PARTNER_APPROVED" | "APPROVED" {
  return stage === "partner" ? "PARTNER_APPROVED" : "APPROVED";
}

/**
 * Why the reviewer may not take this decision on a value waiting at `stage`, or null when they may.
 * `reviewsProject`: the reviewer reviews the project's values ("results.review"); `reviewsPartnerHere`:
 * they review for the partner whose site the value is at ("results.reviewPartner" there);
 * `approvedForPartner`: they are who approved it for the partner. The project's reviewer may return a
 * value still waiting for its partner, never approve it (awaitsPartner); two levels are two people, so
 * whoever approved for the partner may not approve at the project's level too (sameReviewer).
 */
export function reviewRefusal(
  stage: ReviewStage,
  decision: "approve" | "return",
  who: { reviewsProject: boolean; reviewsPartnerHere: boolean; approvedForPartner: boolean },
): "awaitsPartner" | "notYourSite" | "sameReviewer" | null {
  if (stage === "partner") {
    if (who.reviewsPartnerHere) return null;
    if (who.reviewsProject) return decision === "return" ? null : "awaitsPartner";
    return "notYourSite";
  }
  if (!who.reviewsProject) return "notYourSite";
  return decision === "approve" && who.approvedForPartner ? "sameReviewer" : null;
}

/** What saving a value again (the grid, the API, an import) resets: it goes through both levels again. */
export const partnerApprovalCleared = { partnerReviewedById: null, partnerReviewedAt: null } as const;
