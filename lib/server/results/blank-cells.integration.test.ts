// A blank cell means "no value" (issue 31 item 1): never a refusal, never a zero. Clearing a saved
// draft deletes it (audited); a submitted or approved value is never deleted by clearing.
import { beforeAll, describe, expect, test } from "vitest";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { BatchProblems, reviewResults, saveResults, saveSheet, VersionConflict } from "./entry";

let evaluator: UserPrincipal;
let manager: UserPrincipal;
let peru: string;
let networks: string;
let q1: string;
let tumbes: string;
let piura: string;

const blank = { value: null, numerator: null, denominator: null, sampleSize: null, textValue: null };

beforeAll(async () => {
  [evaluator, manager] = await Promise.all([
    principalFor("evaluator@example.org"),
    principalFor("manager@example.org"),
  ]);
  peru = await projectId("PE-VEN-2021");
  networks = (await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } })).id;
  // An open period (the demo locks the first quarters), emptied where these tests type.
  q1 = (
    await db().reportingPeriod.findFirstOrThrow({
      where: { projectId: peru, lockedAt: null },
      orderBy: { startDate: "desc" },
    })
  ).id;
  [tumbes, piura] = await Promise.all([locationId("PE-TUM"), locationId("PE-PIU")]);
  await db().result.deleteMany({ where: { indicatorId: networks, periodId: q1, locationId: { in: [tumbes, piura] } } });
});

describe("blank cells", () => {
  test("a blank cell beside a value is no value: the batch is saved, nothing is made for it, and never a zero", async () => {
    const at = { indicatorId: networks, periodId: q1, optionId: null };
    const { saved, cleared } = await saveSheet(
      evaluator,
      peru,
      [
        { ...at, locationId: tumbes, ...blank },
        { ...at, locationId: piura, value: 5 },
        { ...at, locationId: tumbes, textValue: "  " },
      ],
      false,
    );
    expect(saved.map((r) => r.value)).toEqual([5]);
    expect(cleared).toEqual([]);
    expect(await db().result.count({ where: { ...at, locationId: tumbes } })).toBe(0);
  });

  test("clearing a saved draft deletes it, audited with what it held, and its files", async () => {
    const cell = { indicatorId: networks, periodId: q1, locationId: tumbes, optionId: null };
    const [draft] = await saveResults(evaluator, peru, [{ ...cell, value: 7 }], false);
    if (!draft) throw new Error("no draft");
    const file = await db().evidence.create({
      data: {
        projectId: peru,
        resultId: draft.id,
        fileName: "sheet.pdf",
        mediaType: "application/pdf",
        size: 1,
        sha256: "0".repeat(64),
        storageKey: `blank-cells-${draft.id}`,
      },
    });
    // Without the version read, the draft is not deleted.
    await expect(saveResults(evaluator, peru, [{ ...cell, ...blank }], false)).rejects.toBeInstanceOf(VersionConflict);
    const { saved, cleared } = await saveSheet(evaluator, peru, [{ ...cell, ...blank, version: draft.version }], false);
    expect(saved).toEqual([]);
    expect(cleared).toEqual([draft.id]);
    expect(await db().result.count({ where: { id: draft.id } })).toBe(0);
    const trail = await db().auditEvent.findMany({ where: { entityId: draft.id }, orderBy: { at: "asc" } });
    expect(trail.map((e) => e.action)).toEqual(["result.create", "result.delete"]);
    expect(trail[1]?.before).toMatchObject({ value: 7, status: "DRAFT" });
    // Its files, never approved, go with it (kept on the period they would read as the period's report).
    expect(await db().evidence.count({ where: { id: file.id } })).toBe(0);
    expect(await db().auditEvent.findFirst({ where: { entityId: file.id } })).toMatchObject({
      action: "evidence.remove",
      before: { fileName: "sheet.pdf", resultId: draft.id },
    });
  });

  test("a submitted or approved value is never deleted by clearing: the batch is refused", async () => {
    const cell = { indicatorId: networks, periodId: q1, locationId: piura, optionId: null };
    const row = await db().result.findFirstOrThrow({ where: cell });
    const [submitted] = await saveResults(evaluator, peru, [{ ...cell, value: 5, version: row.version }], true);
    if (!submitted) throw new Error("not submitted");
    const refused = await saveResults(
      evaluator,
      peru,
      [{ ...cell, ...blank, version: submitted.version }],
      false,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BatchProblems);
    expect((refused as BatchProblems).problems).toEqual([
      { index: 0, field: "version", code: "notEditable:SUBMITTED" },
    ]);
    await reviewResults(manager, peru, [{ resultId: submitted.id, version: submitted.version, decision: "approve" }]);
    await expect(
      saveResults(evaluator, peru, [{ ...cell, ...blank, version: submitted.version + 1 }], false),
    ).rejects.toBeInstanceOf(BatchProblems);
    expect(await db().result.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({
      status: "APPROVED",
      value: 5,
    });
  });

  test("a half-typed figure is still refused, by the field it lacks", async () => {
    const mean = await db().indicator.findFirst({
      where: { projectId: peru, measure: "PERCENTAGE", source: "MONITORING" },
    });
    if (!mean) return;
    const error = await saveResults(
      evaluator,
      peru,
      [{ indicatorId: mean.id, periodId: q1, locationId: tumbes, optionId: null, numerator: 3 }],
      false,
    ).catch((e: unknown) => e);
    expect((error as BatchProblems).problems).toEqual([{ index: 0, field: "denominator", code: "required" }]);
  });
});
