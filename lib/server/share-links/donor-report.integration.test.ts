import { expect, test } from "vitest";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { donorReportHead, headlineChoice, headlineIds, setHeadlines } from "./donor-report";

test("without a choice the report opens with the goal's and outcomes' first figures; a manager's choice wins", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const donor = { kind: "share" as const, linkId: "x", projectId: peru };
  const codes = async (ids: string[]) =>
    (await db().indicator.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } }))
      .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
      .map((i) => i.code);

  const byDefault = await donorReportHead(donor, peru);
  expect(await codes(byDefault.headlines)).toEqual(["G.1", "OC1.1", "OC1.2"]);
  expect(byDefault.lastUpdated).toBeInstanceOf(Date);
  expect(byDefault.sourceNote).toContain("");

  const choice = await headlineChoice(manager, peru);
  const legal = choice.find((c) => c.code === "OP1.1.1")?.id ?? "";
  const protection = choice.find((c) => c.code === "G.1")?.id ?? "";
  const qualitative = (await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.3" } })).id;
  // A qualitative indicator has no figure to headline: it is left out.
  expect(await setHeadlines(manager, peru, [legal, protection, qualitative])).toEqual([legal, protection]);
  expect(await codes((await donorReportHead(donor, peru)).headlines)).toEqual(["OP1.1.1", "G.1"]);
  const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "project.headlines", entityId: peru } });
  expect(audit.actorUserId).toBe(manager.userId);

  const evaluator = await principalFor("evaluator@example.org");
  await expect(setHeadlines(evaluator, peru, [legal])).rejects.toThrow(ForbiddenError);
  await expect(donorReportHead({ kind: "share", linkId: "x", projectId: "other" }, peru)).rejects.toThrow(
    ForbiddenError,
  );
  await setHeadlines(manager, peru, []);
});

test("an archived or removed choice falls back to the default", () => {
  const indicators: Parameters<typeof headlineIds>[1] = [
    { id: "a", measure: "COUNT", level: "OUTPUT" },
    { id: "b", measure: "PERCENTAGE", level: "OUTCOME" },
    { id: "c", measure: "QUALITATIVE", level: "IMPACT" },
  ];
  expect(headlineIds(["gone"], indicators)).toEqual(["b"]);
  expect(headlineIds(["a"], indicators)).toEqual(["a"]);
});
