import { describe, expect, test } from "vitest";
import type { Principal } from "./index";
import { canEditStudy, canReadStudy } from "./studies";

const manager: Principal = { kind: "user", userId: "u1", isAdmin: false, roles: { p1: "MANAGER" } };
const evaluator: Principal = { kind: "user", userId: "u2", isAdmin: false, roles: { p1: "EVALUATOR" } };
const viewer: Principal = { kind: "user", userId: "u3", isAdmin: false, roles: { p1: "VIEWER" } };
const outsider: Principal = { kind: "user", userId: "u5", isAdmin: false, roles: { p2: "MANAGER" } };
const admin: Principal = { kind: "user", userId: "u4", isAdmin: true, roles: {} };
const donor: Principal = { kind: "share", linkId: "l1", projectId: "p1" };
const otherDonor: Principal = { kind: "share", linkId: "l2", projectId: "p2" };

const internal = { visibility: "INTERNAL", projectIds: ["p1"] } as const;
const shared = { visibility: "DONORS", projectIds: ["p1"] } as const;
const open = { visibility: "PUBLIC", projectIds: [] } as const;

describe("studies", () => {
  test("an internal study is read by its projects' members and admins only", () => {
    for (const p of [manager, evaluator, viewer, admin]) expect(canReadStudy(p, internal)).toBe(true);
    for (const p of [outsider, donor, otherDonor, null]) expect(canReadStudy(p, internal)).toBe(false);
  });

  test("a study shared with donors is read by its projects' donor links, not others' nor anonymous", () => {
    expect(canReadStudy(donor, shared)).toBe(true);
    expect(canReadStudy(otherDonor, shared)).toBe(false);
    expect(canReadStudy(null, shared)).toBe(false);
    expect(canReadStudy(outsider, shared)).toBe(false);
  });

  test("a public study is read by anyone", () => {
    for (const p of [manager, outsider, donor, otherDonor, null]) expect(canReadStudy(p, open)).toBe(true);
  });

  test("managers of every linked project and admins file studies; without projects, admins only", () => {
    expect(canEditStudy(manager, ["p1"])).toBe(true);
    expect(canEditStudy(manager, ["p1", "p2"])).toBe(false);
    expect(canEditStudy(manager, [])).toBe(false);
    expect(canEditStudy(admin, [])).toBe(true);
    expect(canEditStudy(admin, ["p9"])).toBe(true);
    for (const p of [evaluator, viewer, donor, null]) expect(canEditStudy(p, ["p1"])).toBe(false);
  });
});
