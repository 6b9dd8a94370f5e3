// Two-level approval's review, as the review of #34 found it wanting: two levels are two people; a decision
// is taken on the row the caller read, never on one returned and submitted again meanwhile; a partner's
// reviewer learns nothing of values away from the partner's sites; a cleared draft's files are not shown
// as the period's; a returned value is mailed only to who may still enter it; an import over a value
// clears its partner's approval as the grid does.
import { afterAll, beforeAll, expect, test } from "vitest";
import { bytesOf } from "@/lib/formats/read/table-rows";
import { db } from "@/lib/platform/db";
import { stopJobQueue } from "@/lib/platform/jobs/queue";
import { attachEvidence, listEvidence } from "@/lib/server/evidence/service";
import {
  addPartnerMember,
  assignSites,
  createPartner,
  removePartnerMember,
  setTwoLevelApproval,
} from "@/lib/server/partners/service";
import { namedColumns } from "@/lib/testing/import-mapping";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { captureMail } from "@/lib/testing/smtp-capture";
import { BatchProblems, reviewResults, saveResults, saveSheet, VersionConflict } from "./entry";
import { importResultsFile } from "./import/file";
import { mailReturned } from "./review-mail";

type Principal = Awaited<ReturnType<typeof principalFor>>;
let admin: Principal;
let manager: Principal;
let evaluator: Principal;
let reviewer: Principal;
let reporter: Principal;
let peru: string;
let tumbes: string;
let piura: string;
let partnerId: string;
let indicator: string;

const refusalOf = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (e: unknown) => e,
  );

const problemsOf = async (work: Promise<unknown>) => {
  const error = await refusalOf(work);
  expect(error).toBeInstanceOf(BatchProblems);
  return (error as BatchProblems).problems;
};

async function newUser(email: string, role: "REPORTER" | "REVIEWER") {
  await db().user.create({ data: { email, name: email.split("@")[0] ?? email } });
  await addPartnerMember(admin, partnerId, { email, role });
  return principalFor(email);
}

beforeAll(async () => {
  [admin, manager, evaluator] = await Promise.all([
    principalFor("admin@example.org"),
    principalFor("manager@example.org"),
    principalFor("evaluator@example.org"),
  ]);
  [peru, tumbes, piura] = await Promise.all([projectId("PE-VEN-2021"), locationId("PE-TUM"), locationId("PE-PIU")]);
  partnerId = (await createPartner(admin, { name: "Fix partners review" })).id;
  reviewer = await newUser("fp-reviewer@example.org", "REVIEWER");
  reporter = await newUser("fp-reporter@example.org", "REPORTER");
  await assignSites(manager, peru, partnerId, [tumbes]);
  await setTwoLevelApproval(manager, peru, true);
  // Their principals as of now, with the partner's site.
  [reviewer, reporter] = await Promise.all([principalFor(reviewer.email), principalFor(reporter.email)]);
  indicator = (await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } })).id;
});

afterAll(() => stopJobQueue());

let periods = 0;
async function newPeriod() {
  periods++;
  return db().reportingPeriod.create({
    data: {
      projectId: peru,
      label: `fp-${periods}`,
      startDate: new Date(Date.UTC(2040 + periods, 0, 1)),
      endDate: new Date(Date.UTC(2040 + periods, 2, 31)),
    },
  });
}

/** A value submitted at Tumbes (a partner's site) and approved there by the partner's reviewer. */
async function partnerApproved(value: number) {
  const period = await newPeriod();
  const [v] = await saveResults(
    evaluator,
    peru,
    [{ indicatorId: indicator, periodId: period.id, locationId: tumbes, value }],
    true,
  );
  if (!v) throw new Error("not saved");
  await reviewResults(reviewer, peru, [{ resultId: v.id, version: v.version, decision: "approve" }]);
  const row = await db().result.findUniqueOrThrow({ where: { id: v.id } });
  expect(row.status).toBe("PARTNER_APPROVED");
  return { row, period };
}

test("who approved a value for the partner may not approve it for the project too (sameReviewer); another manager does", async () => {
  // A project manager who is also the partner's reviewer.
  const both = await newUser("fp-both@example.org", "REVIEWER");
  await db().membership.create({ data: { userId: both.userId, projectId: peru, role: "MANAGER" } });
  const bothNow = await principalFor("fp-both@example.org");
  const period = await newPeriod();
  const [v] = await saveResults(
    evaluator,
    peru,
    [{ indicatorId: indicator, periodId: period.id, locationId: tumbes, value: 9 }],
    true,
  );
  if (!v) throw new Error("not saved");
  await reviewResults(bothNow, peru, [{ resultId: v.id, version: v.version, decision: "approve" }]);
  const mid = await db().result.findUniqueOrThrow({ where: { id: v.id } });
  expect(mid).toMatchObject({ status: "PARTNER_APPROVED", partnerReviewedById: bothNow.userId });
  const again = { resultId: v.id, version: mid.version, decision: "approve" as const };
  expect(await problemsOf(reviewResults(bothNow, peru, [again]))).toEqual([
    { index: 0, field: "version", code: "sameReviewer" },
  ]);
  expect(await db().result.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
    status: "PARTNER_APPROVED",
    version: mid.version,
  });
  await reviewResults(manager, peru, [again]);
  expect(await db().result.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
    status: "APPROVED",
    partnerReviewedById: bothNow.userId,
    reviewedById: manager.userId,
  });
});

test("a decision naming another version than the row's is stale: nothing is written, a version not yet read neither", async () => {
  const { row } = await partnerApproved(5);
  for (const version of [row.version + 2, row.version - 1]) {
    const error = await refusalOf(reviewResults(manager, peru, [{ resultId: row.id, version, decision: "approve" }]));
    expect(error).toBeInstanceOf(VersionConflict);
    expect((error as VersionConflict).current).toMatchObject({ id: row.id, version: row.version });
  }
  expect(await db().result.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
    status: "PARTNER_APPROVED",
    version: row.version,
  });
  // Decided since by someone else: the caller's read is stale (reload), not judged on a row it never saw.
  await reviewResults(manager, peru, [{ resultId: row.id, version: row.version, decision: "approve" }]);
  const stale = await refusalOf(
    reviewResults(manager, peru, [{ resultId: row.id, version: row.version, decision: "approve" }]),
  );
  expect(stale).toBeInstanceOf(VersionConflict);
  expect((stale as VersionConflict).current).toMatchObject({ status: "APPROVED", version: row.version + 1 });
});

test.runIf(process.env.TEST_DATABASE === "postgres")(
  "a value submitted again while the manager's batch waits is not approved past its partner (PostgreSQL)",
  async () => {
    // The review finding's sequence: the manager's batch waits on another value held by another session;
    // meanwhile the value is returned and submitted again. Named with the version it will have then (the
    // finding's case) the batch is refused before any write; named with the version read, the write
    // finds the row no longer PARTNER_APPROVED (its status is in the write's condition) and is refused.
    for (const named of ["future", "read"] as const) {
      const { row, period } = await partnerApproved(5);
      const [x] = await saveResults(
        evaluator,
        peru,
        [{ indicatorId: indicator, periodId: period.id, locationId: piura, value: 6 }],
        true,
      );
      if (!x) throw new Error("not saved");
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const held = db().$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT id FROM "Result" WHERE id = ${x.id} FOR UPDATE`;
          await gate;
        },
        { timeout: 20_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const review = refusalOf(
        reviewResults(manager, peru, [
          { resultId: x.id, version: x.version, decision: "approve" },
          { resultId: row.id, version: named === "future" ? row.version + 2 : row.version, decision: "approve" },
        ]),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Returned and submitted again with a new figure; for "read", as a writer that kept the version would.
      const bump = named === "future" ? 2 : 0;
      await db()
        .$executeRaw`UPDATE "Result" SET status = 'SUBMITTED', value = 999, version = version + ${bump}, "partnerReviewedById" = NULL WHERE id = ${row.id}`;
      release();
      await held;
      expect(await review).toBeInstanceOf(VersionConflict);
      expect(await db().result.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: "SUBMITTED",
        value: 999,
        partnerReviewedById: null,
      });
      expect((await db().result.findUniqueOrThrow({ where: { id: x.id } })).status).toBe("SUBMITTED");
    }
  },
);

test("a partner's reviewer is told 'unknown' of a value away from the partner's sites, whatever its status or version", async () => {
  const period = await newPeriod();
  const at = { indicatorId: indicator, periodId: period.id, locationId: piura };
  const [draft] = await saveResults(evaluator, peru, [{ ...at, value: 3 }], false);
  const [submitted] = await saveResults(evaluator, peru, [{ ...at, locationId: tumbes, value: 4 }], true);
  if (!draft || !submitted) throw new Error("not saved");
  // The Tumbes value is the partner's, so the batch is refused for the Piura one only.
  expect(
    await problemsOf(
      reviewResults(reviewer, peru, [
        { resultId: draft.id, version: draft.version, decision: "approve" },
        { resultId: draft.id, version: draft.version + 5, decision: "approve" },
        { resultId: "no-such-value", version: 1, decision: "approve" },
        { resultId: submitted.id, version: submitted.version, decision: "approve" },
      ]),
    ),
  ).toEqual([0, 1, 2].map((index) => ({ index, field: "indicatorId", code: "unknown" })));
  expect((await db().result.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");
});

test("a cleared draft's files go with it: no reader without results.readUnapproved sees them as the period's", async () => {
  const period = await newPeriod();
  const at = { indicatorId: indicator, periodId: period.id, locationId: piura };
  const [v] = await saveResults(evaluator, peru, [{ ...at, value: 3 }], false);
  if (!v) throw new Error("not saved");
  const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
  const file = await attachEvidence(evaluator, peru, { resultId: v.id }, { name: "piura-draft.pdf", bytes: pdf });
  expect(await listEvidence(reviewer, peru, { periodId: period.id })).toEqual([]);
  await saveSheet(evaluator, peru, [{ ...at, version: v.version }], false);
  expect(await listEvidence(reviewer, peru, { periodId: period.id })).toEqual([]);
  expect(await listEvidence(evaluator, peru, { periodId: period.id })).toEqual([]);
  expect(await db().evidence.count({ where: { id: file.id } })).toBe(0);
  expect(await db().auditEvent.count({ where: { entityId: file.id, action: "evidence.remove" } })).toBe(1);
});

test("a returned value is mailed to who saved it only while they are active and may still enter at its place", async () => {
  const leaver = await newUser("fp-leaver@example.org", "REPORTER");
  const gone = await newUser("fp-gone@example.org", "REPORTER");
  const returned: string[] = [];
  for (const [who, locationId] of [
    [reporter, tumbes],
    [leaver, tumbes],
    [gone, tumbes],
    [evaluator, piura],
  ] as const) {
    const period = await newPeriod();
    const [v] = (
      await saveSheet(who, peru, [{ indicatorId: indicator, periodId: period.id, locationId, value: 1 }], true)
    ).saved;
    if (!v) throw new Error("not saved");
    await reviewResults(manager, peru, [{ resultId: v.id, version: v.version, decision: "return", comment: "check" }]);
    returned.push(v.id);
  }
  // One leaves the partner (no longer enters at Tumbes), another's account is deactivated.
  await removePartnerMember(admin, partnerId, leaver.userId);
  await db().user.update({ where: { id: gone.userId }, data: { deactivatedAt: new Date() } });
  const mail = await captureMail();
  try {
    await mailReturned(peru, manager.userId, returned);
    expect(mail.to("fp-reporter@example.org")).toHaveLength(1);
    expect(mail.to("evaluator@example.org")).toHaveLength(1);
    expect(mail.to("fp-leaver@example.org")).toEqual([]);
    expect(mail.to("fp-gone@example.org")).toEqual([]);
    expect(mail.received).toHaveLength(2);
  } finally {
    await mail.close();
  }
});

test("an import over a value returned after its partner's approval clears that approval, as the grid does", async () => {
  const { row, period } = await partnerApproved(7);
  await reviewResults(manager, peru, [{ resultId: row.id, version: row.version, decision: "return", comment: "fix" }]);
  expect(await db().result.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
    status: "RETURNED",
    partnerReviewedById: reviewer.userId,
  });
  const csv = bytesOf(`indicator,location,period,option,value\nOP1.1.2,PE-TUM,${period.label},,8\n`);
  const outcome = await importResultsFile(evaluator, peru, {
    format: "csv",
    source: csv,
    mapping: namedColumns,
    dryRun: false,
    submit: true,
  });
  expect(outcome).toMatchObject({ imported: true, problems: [] });
  expect(await db().result.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
    status: "SUBMITTED",
    value: 8,
    partnerReviewedById: null,
    partnerReviewedAt: null,
  });
});
