// An evidence file kept in the database goes with its record however the record goes: removed by a
// user, or with the reporting period or survey round it was attached to (removed from the schedule).
import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { removeScheduleEntry } from "@/lib/server/schedule/service";
import { addDailyPeriods } from "@/lib/testing/periods";
import { principalFor, projectId } from "@/lib/testing/principals";
import { attachEvidence, removeEvidence } from "./service";

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

async function keptFile(evidenceId: string) {
  const { storageKey } = await db().evidence.findUniqueOrThrow({ where: { id: evidenceId } });
  return storageKey;
}

test("removing a period or round from the schedule deletes the evidence files attached to it", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  await addDailyPeriods(peru, ["orphans-period"], Date.UTC(2190, 0, 1));
  const period = await db().reportingPeriod.findFirstOrThrow({ where: { projectId: peru, label: "orphans-period" } });
  const round = await db().surveyRound.create({
    data: {
      projectId: peru,
      name: "orphans-round",
      type: "OTHER",
      mode: "PHONE",
      startDate: new Date(Date.UTC(2190, 5, 1)),
      endDate: new Date(Date.UTC(2190, 5, 30)),
    },
  });
  const onPeriod = await attachEvidence(manager, peru, { periodId: period.id }, { name: "report.pdf", bytes: pdf });
  const onRound = await attachEvidence(manager, peru, { roundId: round.id }, { name: "fieldwork.pdf", bytes: pdf });
  const keys = [await keptFile(onPeriod.id), await keptFile(onRound.id)];
  expect(await db().evidenceBlob.count({ where: { key: { in: keys } } })).toBe(2);

  expect(await removeScheduleEntry(manager, peru, "period", period.id)).toBe(true);
  expect(await removeScheduleEntry(manager, peru, "round", round.id)).toBe(true);
  expect(await db().evidence.count({ where: { id: { in: [onPeriod.id, onRound.id] } } })).toBe(0);
  expect(await db().evidenceBlob.count({ where: { key: { in: keys } } })).toBe(0);
});

test("a file removed by a user is deleted with its record", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const period = await db().reportingPeriod.findFirstOrThrow({
    where: { projectId: peru },
    orderBy: { startDate: "asc" },
  });
  const attached = await attachEvidence(manager, peru, { periodId: period.id }, { name: "report.pdf", bytes: pdf });
  const key = await keptFile(attached.id);
  expect(await removeEvidence(manager, peru, attached.id)).toBe(true);
  expect(await db().evidenceBlob.count({ where: { key } })).toBe(0);
});
