// Two busy people at once, on PostgreSQL (where requests really run side by side; the embedded
// database serves one connection at a time): no lost update, no value after a lock, no deadlock turned
// into an error, and a project never left without a manager.
import { beforeAll, describe, expect, test } from "vitest";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { bytesOf } from "@/lib/formats/read/table-rows";
import { db } from "@/lib/platform/db";
import { setMemberRole } from "@/lib/server/projects/members";
import { setPeriodLock } from "@/lib/server/schedule/service";
import { namedColumns } from "@/lib/testing/import-mapping";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { BatchProblems, saveResults, VersionConflict } from "./entry";
import { importResultsFile } from "./import/file";
import { ImportRaced } from "./import/service";

let evaluator: UserPrincipal;
let manager: UserPrincipal;
let peru: string;

beforeAll(async () => {
  [evaluator, manager] = await Promise.all([
    principalFor("evaluator@example.org"),
    principalFor("manager@example.org"),
  ]);
  peru = await projectId("PE-VEN-2021");
});

const onPostgres = test.runIf(process.env.TEST_DATABASE === "postgres");

/** A period of its own for each test (no demo values in it), after the project's last one. */
let nextYear = 2040;
async function openPeriod(label: string) {
  const year = nextYear++;
  return db().reportingPeriod.create({
    data: {
      projectId: peru,
      label: `${label} ${year}`,
      startDate: new Date(`${year}-01-01T00:00:00Z`),
      endDate: new Date(`${year}-03-31T00:00:00Z`),
    },
  });
}

describe("concurrency", () => {
  onPostgres("50 saves of one cell naming the same version: exactly one wins, the others are told", async () => {
    const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } });
    const period = await openPeriod("2021-Q3");
    const cell = { indicatorId: indicator.id, periodId: period.id, locationId: await locationId("PE-PIU") };
    const [first] = await saveResults(evaluator, peru, [{ ...cell, value: 1 }], false).catch(async () =>
      db().result.findMany({ where: cell }),
    );
    const version = first?.version ?? 1;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => saveResults(evaluator, peru, [{ ...cell, value: 100 + i, version }], false)),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").every((o) => o.reason instanceof VersionConflict)).toBe(
      true,
    );
    const saved = await db().result.findFirstOrThrow({ where: cell });
    expect(saved.version).toBe(version + 1);
  });

  onPostgres(
    "two batches naming the same new cells in opposite orders: no deadlock, one saves, one is told",
    async () => {
      const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
      const period = await openPeriod("2021-Q4");
      const a = { indicatorId: indicator.id, periodId: period.id, locationId: await locationId("PE-CAL"), value: 1 };
      const b = { ...a, locationId: await locationId("PE-LIM"), value: 2 };
      await db().result.deleteMany({
        where: { indicatorId: indicator.id, periodId: period.id, locationId: { in: [a.locationId, b.locationId] } },
      });
      for (let round = 0; round < 5; round++) {
        await db().result.deleteMany({
          where: { indicatorId: indicator.id, periodId: period.id, locationId: { in: [a.locationId, b.locationId] } },
        });
        const outcomes = await Promise.allSettled([
          saveResults(evaluator, peru, [a, b], false),
          saveResults(evaluator, peru, [b, a], false),
        ]);
        const errors = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
        expect(
          errors.every((e) => e instanceof VersionConflict),
          String(errors),
        ).toBe(true);
        expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
      }
    },
  );

  onPostgres("a period locked while an import runs receives no value after its lock is written", async () => {
    const period = await openPeriod("2021-Q2");
    const regions = ["PE-TUM", "PE-PIU", "PE-LAL", "PE-LIM", "PE-CAL"];
    const lines = ["indicator,location,period,option,value"];
    for (const region of regions)
      for (const option of ["female", "male"]) lines.push(`OP1.1.1,${region},${period.label},${option},3`);
    const mapping = namedColumns;
    await db().result.deleteMany({ where: { periodId: period.id, status: { in: ["DRAFT", "RETURNED"] } } });
    const before = await db().result.count({ where: { periodId: period.id } });
    const [imported, locked] = await Promise.allSettled([
      importResultsFile(evaluator, peru, {
        format: "csv",
        source: bytesOf(`${lines.join("\n")}\n`),
        mapping,
        dryRun: false,
        submit: false,
      }),
      setPeriodLock(manager, peru, period.id, true),
    ]);
    expect(locked.status).toBe("fulfilled");
    const lockedAt = (await db().reportingPeriod.findUniqueOrThrow({ where: { id: period.id } })).lockedAt;
    const after = await db().result.findMany({ where: { periodId: period.id } });
    if (imported.status === "rejected") {
      expect(imported.reason).toBeInstanceOf(ImportRaced);
      expect(after).toHaveLength(before);
    } else if (imported.value.imported) {
      // The import came first: all its values were written before the lock.
      for (const r of after) expect(r.updatedAt.getTime()).toBeLessThanOrEqual(lockedAt?.getTime() ?? 0);
    } else {
      // Checked after the lock: refused as locked, nothing written.
      expect(imported.value.problems.map((p) => p.code)).toContain("locked");
      expect(after).toHaveLength(before);
    }
    await setPeriodLock(manager, peru, period.id, false, "test");
  });

  onPostgres("two managers demoting each other at once: the project keeps a manager, every time", async () => {
    const roma = await projectId("WB-ROMA-W");
    const second = await db().user.findUniqueOrThrow({ where: { email: "evaluator@example.org" } });
    const first = await db().user.findUniqueOrThrow({ where: { email: "manager@example.org" } });
    const admin = await principalFor("admin@example.org");
    for (let round = 0; round < 10; round++) {
      await db().membership.upsert({
        where: { userId_projectId: { userId: second.id, projectId: roma } },
        create: { userId: second.id, projectId: roma, role: "MANAGER" },
        update: { role: "MANAGER" },
      });
      await db().membership.update({
        where: { userId_projectId: { userId: first.id, projectId: roma } },
        data: { role: "MANAGER" },
      });
      await Promise.allSettled([
        setMemberRole(admin, roma, first.id, "VIEWER"),
        setMemberRole(admin, roma, second.id, "VIEWER"),
      ]);
      expect(await db().membership.count({ where: { projectId: roma, role: "MANAGER" } })).toBe(1);
    }
  });

  test("a batch for a locked period is refused as a whole, naming the item", async () => {
    const period = await openPeriod("2021-Q1");
    const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } });
    await setPeriodLock(manager, peru, period.id, true);
    await expect(
      saveResults(
        evaluator,
        peru,
        [{ indicatorId: indicator.id, periodId: period.id, locationId: await locationId("PE-TUM"), value: 1 }],
        false,
      ),
    ).rejects.toBeInstanceOf(BatchProblems);
    await setPeriodLock(manager, peru, period.id, false, "test");
  });
});

describe("transient conflicts", () => {
  onPostgres("two transactions that deadlock are retried: both finish, neither is an error", async () => {
    const [a, b] = await db().reportingPeriod.findMany({
      where: { projectId: peru },
      take: 2,
      orderBy: { startDate: "asc" },
    });
    if (!a || !b) throw new Error("Peru needs two periods");
    let attempts = 0;
    // Each takes one row, waits until the other has taken its own, then asks for the other's row.
    let arrived = 0;
    const bothHoldOne = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (arrived >= 2) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    const crossing = (first: string, second: string, label: string) =>
      db().$transaction(async (tx) => {
        attempts++;
        await tx.$executeRaw`SELECT 1 FROM "ReportingPeriod" WHERE id = ${first} FOR UPDATE`;
        if (attempts <= 2) {
          arrived++;
          await bothHoldOne;
        }
        await tx.$executeRaw`SELECT 1 FROM "ReportingPeriod" WHERE id = ${second} FOR UPDATE`;
        return label;
      });
    expect(await Promise.all([crossing(a.id, b.id, "ab"), crossing(b.id, a.id, "ba")])).toEqual(["ab", "ba"]);
    // PostgreSQL broke the deadlock by aborting one of them, which ran again.
    expect(attempts).toBe(3);
  });
});
