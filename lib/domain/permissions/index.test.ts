import { describe, expect, test } from "vitest";
import {
  assertCan,
  can,
  canAt,
  canSomewhere,
  ForbiddenError,
  type Principal,
  placesWhere,
  readableProjects,
} from "./index";

const manager: Principal = { kind: "user", userId: "u1", isAdmin: false, roles: { p1: "MANAGER" } };
const evaluator: Principal = { kind: "user", userId: "u2", isAdmin: false, roles: { p1: "EVALUATOR" } };
const viewer: Principal = { kind: "user", userId: "u3", isAdmin: false, roles: { p1: "VIEWER" } };
const admin: Principal = { kind: "user", userId: "u4", isAdmin: true, roles: {} };
const donor: Principal = { kind: "share", linkId: "l1", projectId: "p1" };

describe("permissions", () => {
  test("managers review, evaluators enter, viewers only read", () => {
    expect(can(manager, "results.review", "p1")).toBe(true);
    expect(can(evaluator, "results.enter", "p1")).toBe(true);
    expect(can(evaluator, "results.review", "p1")).toBe(false);
    expect(can(viewer, "project.read", "p1")).toBe(true);
    expect(can(viewer, "results.enter", "p1")).toBe(false);
    expect(can(viewer, "results.readUnapproved", "p1")).toBe(false);
  });

  test("a role in one project gives nothing in another", () => {
    expect(can(manager, "project.read", "p2")).toBe(false);
    expect(readableProjects(manager)).toEqual(["p1"]);
  });

  test("admins manage every project but do not enter results", () => {
    expect(can(admin, "project.edit", "p9")).toBe(true);
    expect(can(admin, "results.enter", "p9")).toBe(false);
    expect(readableProjects(admin)).toBe("all");
  });

  test("admins and program managers create projects; only admins manage users", () => {
    const programManager: Principal = { ...viewer, orgRole: "PROGRAM_MANAGER" };
    expect(can(admin, "projects.create")).toBe(true);
    expect(can(admin, "users.manage")).toBe(true);
    expect(can(programManager, "projects.create")).toBe(true);
    expect(can(programManager, "users.manage")).toBe(false);
    // The organisation role gives nothing in a project the program manager is not in.
    expect(can(programManager, "project.read", "p2")).toBe(false);
    for (const plain of [manager, evaluator, viewer, donor]) {
      expect(can(plain, "projects.create")).toBe(false);
      expect(can(plain, "users.manage")).toBe(false);
    }
    expect(() => assertCan(programManager, "users.manage")).toThrow(ForbiddenError);
  });

  test("admins and M&E leads keep the indicator library; an M&E lead gets nothing else", () => {
    const meLead: Principal = { ...viewer, orgRole: "ME_LEAD" };
    const programManager: Principal = { ...viewer, orgRole: "PROGRAM_MANAGER" };
    expect(can(admin, "library.manage")).toBe(true);
    expect(can(meLead, "library.manage")).toBe(true);
    expect(can(meLead, "projects.create")).toBe(false);
    expect(can(meLead, "users.manage")).toBe(false);
    expect(can(meLead, "project.read", "p2")).toBe(false);
    for (const plain of [programManager, manager, evaluator, viewer, donor]) {
      expect(can(plain, "library.manage")).toBe(false);
    }
    expect(() => assertCan(manager, "library.manage")).toThrow(ForbiddenError);
  });

  test("admins and M&E leads keep the places' population figures; nobody else in the organisation", () => {
    const meLead: Principal = { ...viewer, orgRole: "ME_LEAD" };
    const programManager: Principal = { ...viewer, orgRole: "PROGRAM_MANAGER" };
    expect(can(admin, "population.manage")).toBe(true);
    expect(can(meLead, "population.manage")).toBe(true);
    for (const plain of [programManager, manager, evaluator, viewer, donor])
      expect(can(plain, "population.manage")).toBe(false);
  });

  test("a share link reads its one project's approved figures and nothing else", () => {
    expect(can(donor, "project.read", "p1")).toBe(true);
    expect(can(donor, "project.read", "p2")).toBe(false);
    for (const p of [
      "project.edit",
      "results.readUnapproved",
      "results.enter",
      "results.review",
      "members.manage",
      "shareLinks.manage",
    ] as const) {
      expect(can(donor, p, "p1")).toBe(false);
    }
    expect(() => assertCan(donor, "results.enter", "p1")).toThrow(ForbiddenError);
  });

  test("only managers keep a project's webhooks", () => {
    expect(can(manager, "webhooks.manage", "p1")).toBe(true);
    for (const other of [evaluator, viewer, admin, donor]) expect(can(other, "webhooks.manage", "p1")).toBe(false);
    expect(can(manager, "webhooks.manage", "p2")).toBe(false);
  });

  test("managers keep a project's connections; managers and evaluators sync them; nobody else", () => {
    expect(can(manager, "connections.manage", "p1")).toBe(true);
    expect(can(manager, "connections.sync", "p1")).toBe(true);
    expect(can(evaluator, "connections.sync", "p1")).toBe(true);
    expect(can(evaluator, "connections.manage", "p1")).toBe(false);
    for (const other of [viewer, admin, donor]) {
      expect(can(other, "connections.manage", "p1")).toBe(false);
      expect(can(other, "connections.sync", "p1")).toBe(false);
    }
    expect(can(manager, "connections.sync", "p2")).toBe(false);
  });

  describe("partners", () => {
    const reporter: Principal = {
      kind: "user",
      userId: "u5",
      isAdmin: false,
      roles: {},
      partnerSites: { p1: { partnerId: "pa", role: "REPORTER", locationIds: ["x"] } },
    };
    const reviewer: Principal = {
      ...reporter,
      userId: "u6",
      partnerSites: { p1: { partnerId: "pa", role: "REVIEWER", locationIds: ["x", "y"] } },
    };

    test("a partner's member reads the projects where the partner has sites, and no other", () => {
      expect(can(reporter, "project.read", "p1")).toBe(true);
      expect(can(reporter, "project.read", "p2")).toBe(false);
      expect(readableProjects(reporter)).toEqual(["p1"]);
      expect(readableProjects({ ...reporter, roles: { p1: "VIEWER", p3: "VIEWER" } })).toEqual(["p1", "p3"]);
    });

    test("entering and reading unapproved values are site-scoped; can() stays false for partners", () => {
      for (const who of [reporter, reviewer]) {
        for (const p of ["results.enter", "results.readUnapproved", "results.review", "project.edit"] as const)
          expect(can(who, p, "p1")).toBe(false);
        expect(placesWhere(who, "results.enter", "p2")).toEqual([]);
        expect(placesWhere(who, "results.review", "p1")).toEqual([]);
        expect(placesWhere(who, "project.edit", "p1")).toEqual([]);
      }
      expect(placesWhere(reporter, "results.enter", "p1")).toEqual(["x"]);
      expect(placesWhere(reporter, "results.readUnapproved", "p1")).toEqual(["x"]);
      expect(canAt(reporter, "results.enter", "p1", "x")).toBe(true);
      expect(canAt(reporter, "results.enter", "p1", "y")).toBe(false);
      expect(placesWhere(reviewer, "results.enter", "p1")).toEqual(["x", "y"]);
      expect(canSomewhere(reporter, "results.enter", "p1")).toBe(true);
      expect(canSomewhere(reporter, "results.enter", "p2")).toBe(false);
      expect(canSomewhere(evaluator, "results.enter", "p1")).toBe(true);
      expect(canSomewhere(viewer, "results.enter", "p1")).toBe(false);
    });

    test("only a partner's reviewer approves at the first level, at the partner's sites", () => {
      expect(placesWhere(reporter, "results.reviewPartner", "p1")).toEqual([]);
      expect(placesWhere(reviewer, "results.reviewPartner", "p1")).toEqual(["x", "y"]);
      expect(placesWhere(reviewer, "results.reviewPartner", "p2")).toEqual([]);
      // No project role reviews for a partner; a manager reviews at the second level.
      for (const other of [manager, evaluator, viewer, admin, donor]) {
        expect(can(other, "results.reviewPartner", "p1")).toBe(false);
        expect(placesWhere(other, "results.reviewPartner", "p1")).toEqual([]);
      }
    });

    test("project roles keep every place; donors and viewers none", () => {
      expect(placesWhere(manager, "results.enter", "p1")).toBe("all");
      expect(placesWhere(evaluator, "results.readUnapproved", "p1")).toBe("all");
      expect(placesWhere(admin, "results.readUnapproved", "p9")).toBe("all");
      expect(placesWhere(viewer, "results.enter", "p1")).toEqual([]);
      expect(placesWhere(donor, "results.enter", "p1")).toEqual([]);
      // A partner's member who is also the project's evaluator enters everywhere.
      expect(placesWhere({ ...reporter, roles: { p1: "EVALUATOR" } }, "results.enter", "p1")).toBe("all");
    });

    test("admins keep the partners; managers and admins assign sites", () => {
      expect(can(admin, "partners.manage")).toBe(true);
      for (const other of [manager, evaluator, viewer, donor, reviewer, { ...viewer, orgRole: "ME_LEAD" } as Principal])
        expect(can(other, "partners.manage")).toBe(false);
      expect(can(manager, "partners.assign", "p1")).toBe(true);
      expect(can(admin, "partners.assign", "p1")).toBe(true);
      for (const other of [evaluator, viewer, donor, reviewer]) expect(can(other, "partners.assign", "p1")).toBe(false);
      expect(can(manager, "partners.assign", "p2")).toBe(false);
    });
  });
});
