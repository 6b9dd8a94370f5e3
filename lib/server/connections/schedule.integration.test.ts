// Scheduled syncs: every hour a cron job of the queue (PostgreSQL) or a timer (PGlite) syncs the
// connections marked scheduled, as their creator; a broken one waits for its manager.
import { afterAll, beforeAll, expect, test } from "vitest";
import { surveyRulesSchema } from "@/lib/domain/survey/rules";
import { db } from "@/lib/platform/db";
import { jobQueue, stopJobQueue } from "@/lib/platform/jobs/queue";
import { type FakeServer, fakeKobo } from "@/lib/testing/fake-survey-servers";
import { principalFor } from "@/lib/testing/principals";
import { addMidlineSurvey } from "@/lib/testing/survey-setup";
import type { RemoteOptions } from "./remote";
import { runScheduledSyncs, SCHEDULE_CRON, startConnectionSchedule } from "./schedule";
import { createConnection } from "./service";

const remote: RemoteOptions = {
  fetch: (...args) => fetch(...args),
  sleep: async () => undefined,
  timeoutMs: 5_000,
  retries: 1,
  backoffMs: 1,
  maxWaitMs: 1,
};
let kobo: FakeServer;
let peru: string;

beforeAll(async () => {
  peru = await addMidlineSurvey(db());
  await db().project.update({
    where: { id: peru },
    data: {
      surveyRules: surveyRulesSchema.parse({
        place: "region",
        date: "today",
        statuses: ["approved", "notValidated"],
        indicators: [{ indicator: "OC1.3", kind: "count", table: "members" }],
      }),
    },
  });
  kobo = await fakeKobo({
    assetUid: "aSchedule",
    token: "scheduled-token",
    name: "Scheduled households",
    submissions: [
      {
        _id: 7001,
        today: "2021-05-08",
        "location/region": "PE-TUM",
        members: [{ "members/member_sex": "male" }],
        _submission_time: "2021-05-08T10:00:00",
        _validation_status: {},
      },
    ],
  });
});

afterAll(async () => {
  await kobo.close();
  await stopJobQueue();
});

test("scheduled connections are synced as their creator; unscheduled and broken ones are not", async () => {
  const manager = await principalFor("manager@example.org");
  const base = { kind: "KOBO", serverUrl: kobo.url, assetUid: "aSchedule", token: "scheduled-token" };
  const scheduled = await createConnection(manager, peru, { ...base, name: "Hourly", scheduled: true });
  const manual = await createConnection(manager, peru, { ...base, name: "By hand" });
  const broken = await createConnection(manager, peru, { ...base, name: "Broken", scheduled: true });
  await db().connection.update({ where: { id: broken.id }, data: { status: "BROKEN", brokenReason: "unauthorized" } });
  expect(await runScheduledSyncs(remote)).toBe(1);
  const runs = await db().connectionSync.findMany({ where: { connection: { projectId: peru } } });
  expect(runs.map((r) => [r.connectionId, r.trigger, r.status, r.read])).toEqual([
    [scheduled.id, "schedule", "DONE", 1],
  ]);
  expect(runs[0]?.userId).toBe(manager.userId);
  expect(runs.some((r) => r.connectionId === manual.id)).toBe(false);
});

test("the schedule is a pg-boss cron job on PostgreSQL, a timer on PGlite", async () => {
  const how = await startConnectionSchedule();
  const boss = await jobQueue();
  if (process.env.TEST_DATABASE === "postgres") {
    expect(how).toBe("cron");
    const schedules = await boss?.getSchedules();
    expect(schedules?.find((s) => s.name === "connections-schedule")).toMatchObject({ cron: SCHEDULE_CRON });
    // The cron's job itself syncs the scheduled connections (the broken one still waits).
    const hourly = await db().connection.findFirstOrThrow({ where: { projectId: peru, name: "Hourly" } });
    const runs = () =>
      db().connectionSync.count({
        where: { connection: { projectId: peru }, trigger: "schedule", status: { not: "RUNNING" } },
      });
    const before = await runs();
    await boss?.send("connections-schedule", {});
    for (let i = 0; i < 100 && (await runs()) === before; i++) await new Promise((r) => setTimeout(r, 100));
    const latest = await db().connectionSync.findMany({
      where: { connection: { projectId: peru }, trigger: "schedule" },
      orderBy: { startedAt: "asc" },
    });
    expect(latest.slice(before).map((r) => [r.connectionId, r.status])).toEqual([[hourly.id, "DONE"]]);
  } else {
    expect(how).toBe("timer");
    expect(boss).toBeNull();
  }
});
