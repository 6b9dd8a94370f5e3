import { beforeAll, expect, test } from "vitest";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";
import { principalFor, projectId } from "@/lib/testing/principals";
import { indicatorHistory, indicatorResults } from "./service";

let peru: string;
let legal: string;

beforeAll(async () => {
  peru = await projectId("PE-VEN-2021");
  legal = (await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } })).id;
});

test("managers and evaluators see every result with its review status; viewers only approved ones", async () => {
  const statuses = async (email: string) =>
    new Set((await indicatorResults(await principalFor(email), peru, legal)).map((r) => r.status));
  expect(await statuses("evaluator@example.org")).toEqual(new Set(["APPROVED", "SUBMITTED", "DRAFT"]));
  expect(await statuses("viewer@example.org")).toEqual(new Set(["APPROVED"]));
  const nepal = await projectId("SA-HIV-MOB");
  await expect(indicatorResults(await principalFor("viewer@example.org"), nepal, legal)).rejects.toThrow(
    ForbiddenError,
  );
});

test("results come ordered by location, then period, with their location and period named", async () => {
  const rows = await indicatorResults(await principalFor("manager@example.org"), peru, legal);
  expect(rows[0]?.location.name).toBe("Callao");
  expect(rows.filter((r) => r.location.name === "Callao" && r.option === null).map((r) => r.period?.label)).toEqual([
    "2020-Q4",
    "2021-Q1",
    "2021-Q2",
    "2021-Q3",
    "2021-Q4",
  ]);
});

test("the history lists changes to the indicator's results, newest first, for managers and evaluators only", async () => {
  const manager = await principalFor("manager@example.org");
  const result = await db().result.findFirstOrThrow({ where: { indicatorId: legal, status: "SUBMITTED" } });
  await recordAudit(db(), {
    action: "result.return",
    entityType: "Result",
    entityId: result.id,
    projectId: peru,
    actorUserId: manager.userId,
    before: { status: "SUBMITTED" },
    after: { status: "RETURNED" },
    comment: "Check the Lima attendance lists",
  });
  const history = await indicatorHistory(manager, peru, legal);
  expect(history?.[0]).toMatchObject({
    action: "result.return",
    comment: "Check the Lima attendance lists",
    actor: { name: "Mateo Manager" },
  });
  expect(await indicatorHistory(await principalFor("viewer@example.org"), peru, legal)).toBeNull();
});
