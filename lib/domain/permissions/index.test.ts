import { describe, expect, test } from "vitest";
import { assertCan, can, ForbiddenError, type Principal, readableProjects } from "./index";

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
});
