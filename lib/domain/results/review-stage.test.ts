import { describe, expect, test } from "vitest";
import { approvedAt, reviewRefusal, reviewStage } from "./review-stage";

describe("two-level approval", () => {
  test("a value submitted at a partner's site waits for the partner, then for the project", () => {
    expect(reviewStage("SUBMITTED", true)).toBe("partner");
    expect(approvedAt("partner")).toBe("PARTNER_APPROVED");
    expect(reviewStage("PARTNER_APPROVED", true)).toBe("project");
    // Once the partner approved, the project decides, even if two-level approval was turned off since.
    expect(reviewStage("PARTNER_APPROVED", false)).toBe("project");
    expect(approvedAt("project")).toBe("APPROVED");
  });

  test("elsewhere, one level as before; drafts, returned and approved values wait for nobody", () => {
    expect(reviewStage("SUBMITTED", false)).toBe("project");
    for (const status of ["DRAFT", "RETURNED", "APPROVED"] as const) {
      expect(reviewStage(status, true)).toBeNull();
      expect(reviewStage(status, false)).toBeNull();
    }
  });

  test("the partner's reviewer decides first; the project's reviewer may only return before", () => {
    const partner = { reviewsProject: false, reviewsPartnerHere: true, approvedForPartner: false };
    const manager = { reviewsProject: true, reviewsPartnerHere: false, approvedForPartner: false };
    const otherPartner = { reviewsProject: false, reviewsPartnerHere: false, approvedForPartner: false };
    expect(reviewRefusal("partner", "approve", partner)).toBeNull();
    expect(reviewRefusal("partner", "return", partner)).toBeNull();
    expect(reviewRefusal("partner", "approve", manager)).toBe("awaitsPartner");
    expect(reviewRefusal("partner", "return", manager)).toBeNull();
    expect(reviewRefusal("partner", "approve", otherPartner)).toBe("notYourSite");
    expect(reviewRefusal("project", "approve", manager)).toBeNull();
    expect(reviewRefusal("project", "return", manager)).toBeNull();
    // A partner's reviewer has no say at the project's level.
    expect(reviewRefusal("project", "approve", partner)).toBe("notYourSite");
    expect(reviewRefusal("project", "return", partner)).toBe("notYourSite");
  });

  test("who approved for the partner may not approve at the project's level too, only return", () => {
    const both = { reviewsProject: true, reviewsPartnerHere: true, approvedForPartner: true };
    expect(reviewRefusal("project", "approve", both)).toBe("sameReviewer");
    expect(reviewRefusal("project", "return", both)).toBeNull();
  });
});
