// Cached summaries are never stale: every change an approved summary depends on moves the project's
// data version in the database (triggers), whoever writes it, so the next summary is computed afresh.
import { beforeAll, expect, test } from "vitest";
import { GET as getSummary } from "@/app/api/v1/projects/[projectId]/summary/route";
import { hashToken, newSecretToken } from "@/lib/domain/api-tokens/token";
import { AsOf } from "@/lib/domain/as-of";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { connect, db } from "@/lib/platform/db";
import { setIndicatorArchived } from "@/lib/server/projects/edit";
import { saveTargets } from "@/lib/server/projects/targets";
import { reviewResults, saveResults } from "@/lib/server/results/entry";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { cachedSummary, cachedSummaryCount, MAX_SUMMARY_BYTES, rememberSummary } from "./cache";
import { projectSummary } from "./service";

let manager: UserPrincipal;
let evaluator: UserPrincipal;
let peru: string;
const asOf = AsOf.parse("2030-01-01");

const figure = async (code: string, options: { includeSubmitted?: boolean } = {}) => {
  const summary = await projectSummary(manager, peru, { asOf, ...options });
  return { summary, indicator: summary?.indicators.find((i) => i.indicator.code === code) };
};

beforeAll(async () => {
  [manager, evaluator] = await Promise.all([
    principalFor("manager@example.org"),
    principalFor("evaluator@example.org"),
  ]);
  peru = await projectId("PE-VEN-2021");
});

async function submitAtPeru(code: string, value: number) {
  const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code } });
  const period = await db().reportingPeriod.findFirstOrThrow({
    where: {
      projectId: peru,
      lockedAt: null,
      results: { none: { indicatorId: indicator.id, location: { isoCode: "PE" } } },
    },
    orderBy: { endDate: "asc" },
  });
  const [saved] = await saveResults(
    evaluator,
    peru,
    [{ indicatorId: indicator.id, periodId: period.id, locationId: await locationId("PE"), value }],
    true,
  );
  if (!saved) throw new Error("not saved");
  return saved;
}

test("an approval changes the next summary; a draft or a submission does not touch approved ones", async () => {
  const first = await figure("OP1.1.1");
  expect((await figure("OP1.1.1")).summary).toBe(first.summary); // computed once
  const submitted = await submitAtPeru("OP1.1.1", 40);
  expect((await figure("OP1.1.1")).summary).toBe(first.summary);
  await reviewResults(manager, peru, [{ resultId: submitted.id, version: submitted.version, decision: "approve" }]);
  const after = await figure("OP1.1.1");
  expect(after.summary).not.toBe(first.summary);
  expect(after.indicator?.overall.actual).toBe((first.indicator?.overall.actual ?? 0) + 40);
});

test("a return changes the manager's preview, which is never cached", async () => {
  const before = await figure("OP1.1.1", { includeSubmitted: true });
  const submitted = await submitAtPeru("OP1.1.1", 7);
  const preview = await figure("OP1.1.1", { includeSubmitted: true });
  expect(preview.summary?.version).toBeNull();
  expect(preview.indicator?.overall.actual).toBe((before.indicator?.overall.actual ?? 0) + 7);
  await reviewResults(manager, peru, [
    { resultId: submitted.id, version: submitted.version, decision: "return", comment: "Check the source" },
  ]);
  expect((await figure("OP1.1.1", { includeSubmitted: true })).indicator?.overall.actual).toBe(
    before.indicator?.overall.actual,
  );
});

test("a target change and an archive each change the next summary", async () => {
  const before = await figure("OP1.1.1");
  const legal = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
  const tumbes = await locationId("PE-TUM");
  const lop = await db().target.findFirstOrThrow({
    where: { indicatorId: legal.id, periodId: null, roundId: null, locationId: tumbes, optionId: null },
  });
  await saveTargets(manager, peru, [
    {
      indicatorId: legal.id,
      locationId: tumbes,
      value: (lop.value ?? 0) + 100,
      updatedAt: lop.updatedAt.toISOString(),
    },
  ]);
  const retargeted = await figure("OP1.1.1");
  expect(retargeted.indicator?.byLocation.find((l) => l.id === tumbes)?.target).toBe((lop.value ?? 0) + 100);
  expect(retargeted.summary).not.toBe(before.summary);
  await setIndicatorArchived(manager, peru, legal.id, true);
  expect((await figure("OP1.1.1")).indicator).toBeUndefined();
  await setIndicatorArchived(manager, peru, legal.id, false);
  expect((await figure("OP1.1.1")).indicator).toBeDefined();
});

// Several app instances share one PostgreSQL server; the embedded database serves one process only.
test.runIf(process.env.TEST_DATABASE === "postgres")(
  "a change written by another app instance is seen at once",
  async () => {
    const before = await figure("OP1.1.1");
    const other = connect(); // a client of its own, as a second app instance has
    try {
      const legal = await other.prisma.indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
      await other.prisma.target.updateMany({
        where: {
          indicatorId: legal.id,
          periodId: null,
          roundId: null,
          locationId: await locationId("PE-LIM"),
          optionId: null,
        },
        data: { value: 12345 },
      });
    } finally {
      await other.close().catch(() => {});
    }
    const after = await figure("OP1.1.1");
    expect(after.summary?.version).toBeGreaterThan(before.summary?.version ?? 0);
    expect(after.indicator?.byLocation.find((l) => l.isoCode === "PE-LIM")?.target).toBe(12345);
  },
);

test("the API confirms an unchanged copy with 304 and sends new figures after a change", async () => {
  const user = await db().user.findUniqueOrThrow({ where: { email: "manager@example.org" } });
  const token = newSecretToken("med");
  await db().apiToken.create({ data: { userId: user.id, name: "etag", tokenHash: hashToken(token) } });
  const call = (etag?: string) =>
    getSummary(
      new Request(`http://localhost/api/v1/projects/${peru}/summary?asOf=2030-01-01`, {
        headers: { authorization: `Bearer ${token}`, ...(etag ? { "if-none-match": etag } : {}) },
      }),
      { params: Promise.resolve({ projectId: peru }) },
    );
  const first = await call();
  const etag = first.headers.get("etag") ?? "";
  expect(first.status).toBe(200);
  expect(first.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/); // the id its log line carries
  expect(etag).toMatch(/^W\/".+"$/);
  const again = await call(etag);
  expect(again.status).toBe(304);
  const submitted = await submitAtPeru("OP1.1.2", 3);
  expect((await call(etag)).status).toBe(304); // a submission changes no approved figure
  await reviewResults(manager, peru, [{ resultId: submitted.id, version: submitted.version, decision: "approve" }]);
  const changed = await call(etag);
  expect(changed.status).toBe(200);
  expect(changed.headers.get("etag")).not.toBe(etag);
  // The body kept as sent (by ETag) is the new figures, the same as computed afresh.
  const kept = await (await call()).text();
  expect(JSON.parse(kept)).toEqual(
    JSON.parse(JSON.stringify(await projectSummary(manager, peru, { asOf: AsOf.parse("2030-01-01") }))),
  );
  expect(kept).not.toBe(await first.text());
});

test("the kept summaries are bounded by their size, not their count", async () => {
  const summary = await projectSummary(manager, peru, { asOf });
  if (!summary) throw new Error("no summary");
  // Ten summaries of a tenth of the bound each (a project's long description): the oldest leave.
  const heavy = { ...summary, project: { ...summary.project, name: "x".repeat(MAX_SUMMARY_BYTES / 10) } };
  for (let i = 0; i < 12; i++) rememberSummary(`heavy-${i}`, heavy);
  expect(cachedSummary("heavy-0")).toBeUndefined();
  expect(cachedSummary("heavy-11")).toBe(heavy);
  expect(cachedSummaryCount()).toBeLessThan(12);
});
