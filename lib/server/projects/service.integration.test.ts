import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { principalFor } from "@/lib/testing/principals";
import { getProject, listProjects } from "./service";

test("each user lists only the projects they belong to; admins list all", async () => {
  const codes = async (email: string) => (await listProjects(await principalFor(email))).map((p) => p.code).sort();
  expect(await codes("viewer@example.org")).toEqual(["PE-VEN-2021"]);
  expect(await codes("evaluator@example.org")).toEqual(["PE-VEN-2021", "WB-ROMA-W"]);
  expect(await codes("admin@example.org")).toEqual(["PE-VEN-2021", "SA-HIV-MOB", "WB-ROMA-W"]);
});

test("a project outside one's memberships reads as not found, with its logframe hidden", async () => {
  const nepal = await db().project.findUniqueOrThrow({ where: { code: "SA-HIV-MOB" } });
  expect(await getProject(await principalFor("viewer@example.org"), nepal.id)).toBeNull();
  const asManager = await getProject(await principalFor("manager@example.org"), nepal.id);
  expect(asManager?.resultNodes.map((n) => n.code)).toEqual(["OC1", "OP1"]);
});

test("the demo data labels document figures apart from illustrative ones", async () => {
  const roma = await db().project.findUniqueOrThrow({ where: { code: "WB-ROMA-W" } });
  const documentTargets = await db().target.findMany({
    where: { indicator: { projectId: roma.id }, provenance: "DOCUMENT" },
    select: { value: true },
  });
  expect(documentTargets.map((t) => t.value).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
    60, 85, 20000, 26150, 78000,
  ]);
});
