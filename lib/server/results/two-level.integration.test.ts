// Partners who report their own sites, with two-level approval (#34): the partner's member enters at the
// partner's sites only, the partner's reviewer approves first, the project's manager last; donors, the
// project's approved figures and the organisation's roll-up see a value only once the manager approved it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { stopJobQueue } from "@/lib/platform/jobs/queue";
import { seal } from "@/lib/platform/sealed-secrets";
import { libraryRollup } from "@/lib/server/library/rollup";
import { addPartnerMember, assignSites, createPartner, setTwoLevelApproval } from "@/lib/server/partners/service";
import { donorFigures, linkReader } from "@/lib/server/share-links/donor-report-view";
import { createShareLink, openShareLink } from "@/lib/server/share-links/service";
import { projectSummary } from "@/lib/server/summary/service";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { captureMail } from "@/lib/testing/smtp-capture";
import { BatchProblems, reviewResults, saveResults, saveSheet } from "./entry";
import { entrySheet } from "./entry-sheet";
import { inbox } from "./inbox";
import { mailSubmitted } from "./review-mail";
import { reviewQueue } from "./review-queue";
import { resultHistory } from "./service";

type Principal = Awaited<ReturnType<typeof principalFor>>;
let admin: Principal;
let manager: Principal;
let evaluator: Principal;
let reporter: Principal;
let reviewer: Principal;
let peru: string;
let roma: string;
let tumbes: string;
let piura: string;

const problemsOf = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BatchProblems);
  return (error as BatchProblems).problems;
};

beforeAll(async () => {
  [admin, manager, evaluator] = await Promise.all([
    principalFor("admin@example.org"),
    principalFor("manager@example.org"),
    principalFor("evaluator@example.org"),
  ]);
  [peru, roma, tumbes, piura] = await Promise.all([
    projectId("PE-VEN-2021"),
    projectId("WB-ROMA-W"),
    locationId("PE-TUM"),
    locationId("PE-PIU"),
  ]);
  const partner = await createPartner(admin, { name: "Red de protección Tumbes" });
  for (const [email, role] of [
    ["tl-reporter@example.org", "REPORTER"],
    ["tl-reviewer@example.org", "REVIEWER"],
  ] as const) {
    await db().user.create({ data: { email, name: email.split("@")[0] ?? email } });
    await addPartnerMember(admin, partner.id, { email, role });
  }
  await assignSites(manager, peru, partner.id, [tumbes]);
  await setTwoLevelApproval(manager, peru, true);
  [reporter, reviewer] = await Promise.all([
    principalFor("tl-reporter@example.org"),
    principalFor("tl-reviewer@example.org"),
  ]);
});

afterAll(() => stopJobQueue());

async function newPeriod(label: string, start: string, end: string) {
  return db().reportingPeriod.create({
    data: { projectId: peru, label, startDate: new Date(start), endDate: new Date(end) },
  });
}

const indicatorId = async (code: string) =>
  (await db().indicator.findFirstOrThrow({ where: { projectId: peru, code } })).id;

describe("a partner's member enters at the partner's sites only", () => {
  test("a batch with one value elsewhere is refused whole, nothing written; the API save and other projects refuse", async () => {
    const period = await newPeriod("tl-sites", "2037-01-01", "2037-03-31");
    const at = { indicatorId: await indicatorId("OP1.1.2"), periodId: period.id };
    const problems = await problemsOf(
      saveSheet(
        reporter,
        peru,
        [
          { ...at, locationId: tumbes, value: 4 },
          { ...at, locationId: piura, value: 5 },
        ],
        true,
      ),
    );
    expect(problems).toEqual([{ index: 1, field: "locationId", code: "notYourSite" }]);
    expect(await db().result.count({ where: { periodId: period.id } })).toBe(0);
    // The API's batch save, an import's entry point and another project: refused outright.
    await expect(saveResults(reporter, peru, [{ ...at, locationId: tumbes, value: 4 }], false)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(saveSheet(reporter, roma, [], false)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(entrySheet(reporter, roma)).rejects.toBeInstanceOf(ForbiddenError);
    // At the partner's site, saved.
    const { saved } = await saveSheet(reporter, peru, [{ ...at, locationId: tumbes, value: 4 }], false);
    expect(saved).toHaveLength(1);
  });

  test("the entry sheet shows the partner's sites and the values there, unapproved ones too, and no others", async () => {
    const period = await newPeriod("tl-sheet", "2037-04-01", "2037-06-30");
    const at = { indicatorId: await indicatorId("OP1.1.2"), periodId: period.id };
    await saveResults(
      evaluator,
      peru,
      [
        { ...at, locationId: tumbes, value: 1 },
        { ...at, locationId: piura, value: 2 },
      ],
      false,
    );
    const [atTumbes, atPiura] = await db().result.findMany({
      where: { periodId: period.id },
      orderBy: { value: "asc" },
    });
    // The history of a value: at the partner's site only.
    expect(await resultHistory(reporter, peru, atTumbes?.id ?? "")).toHaveLength(1);
    expect(await resultHistory(reporter, peru, atPiura?.id ?? "")).toBeNull();
    const sheet = await entrySheet(reporter, peru, period.id);
    expect(sheet.locations.map((l) => l.id)).toEqual([tumbes]);
    expect(sheet.existing.map((r) => [r.locationId, r.status])).toEqual([[tumbes, "DRAFT"]]);
    expect(sheet.times.find((t) => t.id === period.id)).toMatchObject({
      entered: 1,
      expected: sheet.indicators.length,
    });
    const full = await entrySheet(evaluator, peru, period.id);
    expect(full.locations.map((l) => l.id)).toEqual(expect.arrayContaining([tumbes, piura]));
    expect(full.existing).toHaveLength(2);
  });
});

describe("two-level approval", () => {
  test("partner approves, then manager; until then donors, the approved summary and the roll-up do not see it", async () => {
    // The demo's draft of people reached at Tumbes in 2021-Q4, entered again by the partner and submitted.
    const reached = await indicatorId("OP1.1.1");
    const draft = await db().result.findFirstOrThrow({
      where: { indicatorId: reached, locationId: tumbes, optionId: null, status: "DRAFT" },
      include: { period: true },
    });
    const timeId = draft.periodId as string;
    const webhook = await db().webhook.create({
      data: { projectId: peru, url: "http://127.0.0.1:9/hook", events: ["results.approved"], secret: seal("x") },
    });
    const approvedEvents = () => db().webhookDelivery.count({ where: { webhookId: webhook.id } });

    const { token } = await createShareLink(manager, peru, { label: "Donor", expiresAt: null, options: {} as never });
    const access = await openShareLink(token);
    if (access.state !== "active") throw new Error("link not active");
    const figures = async () => {
      const donor = await donorFigures(linkReader(access), AsOf.today(), { indicator: reached });
      const own = await projectSummary(manager, peru, { indicatorId: reached });
      const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
      const rolled = await libraryRollup(admin, library.id, { by: "country", year: null });
      return {
        donor: donor?.indicators[0]?.overall.actual,
        own: own?.indicators[0]?.overall.actual,
        rollup: rolled?.figures.find((f) => f.key === "PE")?.actual.value,
      };
    };
    const before = await figures();
    expect(before.own).toBeGreaterThan(0);
    expect(before.donor).toBe(before.own);
    expect(before.rollup).toBe(before.own);

    const [submitted] = (
      await saveSheet(
        reporter,
        peru,
        [
          {
            indicatorId: reached,
            periodId: timeId,
            locationId: tumbes,
            value: (draft.value ?? 0) + 1000,
            version: draft.version,
          },
        ],
        true,
      )
    ).saved;
    if (!submitted) throw new Error("not saved");

    // Waiting for the partner: the partner's reviewer has it, the manager not yet.
    const toReview = async (who: Principal) =>
      (await inbox(who)).find((i) => i.kind === "toReview" && i.projectId === peru && i.timeId === timeId)?.count ?? 0;
    expect(await toReview(reviewer)).toBe(1);
    expect(await toReview(manager)).toBe(0);
    expect(await toReview(reporter)).toBe(0);
    expect((await reviewQueue(reviewer, peru)).items.map((i) => [i.id, i.stage])).toContainEqual([
      submitted.id,
      "partner",
    ]);
    expect((await reviewQueue(manager, peru)).items.map((i) => i.id)).not.toContain(submitted.id);
    // Only waiting values at the partner's sites are the partner reviewer's.
    expect((await reviewQueue(reviewer, peru)).items.every((i) => i.locationId === tumbes)).toBe(true);

    // A reporter approves nothing; the manager may not approve before the partner.
    const approve = { resultId: submitted.id, version: submitted.version, decision: "approve" as const };
    await expect(reviewResults(reporter, peru, [approve])).rejects.toBeInstanceOf(ForbiddenError);
    expect(await problemsOf(reviewResults(manager, peru, [approve]))).toEqual([
      { index: 0, field: "version", code: "awaitsPartner" },
    ]);

    await reviewResults(reviewer, peru, [approve]);
    const partnerApproved = await db().result.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(partnerApproved).toMatchObject({
      status: "PARTNER_APPROVED",
      partnerReviewedById: reviewer.userId,
      reviewedById: null,
    });
    expect(
      await db().auditEvent.findFirst({ where: { entityId: submitted.id, action: "result.partnerApprove" } }),
    ).toMatchObject({ actorUserId: reviewer.userId, after: { status: "PARTNER_APPROVED" } });
    expect(await approvedEvents()).toBe(0);
    expect(await figures()).toEqual(before);
    expect(await toReview(reviewer)).toBe(0);
    expect(await toReview(manager)).toBe(1);
    expect((await reviewQueue(manager, peru)).items.find((i) => i.id === submitted.id)?.stage).toBe("project");
    // The partner's reviewer has no say at the manager's level.
    const second = { ...approve, version: partnerApproved.version };
    expect(await problemsOf(reviewResults(reviewer, peru, [second]))).toEqual([
      { index: 0, field: "locationId", code: "notYourSite" },
    ]);

    await reviewResults(manager, peru, [second]);
    expect(await db().result.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({
      status: "APPROVED",
      reviewedById: manager.userId,
      partnerReviewedById: reviewer.userId,
    });
    expect(await approvedEvents()).toBe(1);
    const after = await figures();
    // The draft was not counted before; the approved value is, whole.
    expect(after.own).toBe((before.own ?? 0) + (draft.value ?? 0) + 1000);
    expect(after.donor).toBe(after.own);
    expect(after.rollup).toBe(after.own);
    expect(await toReview(manager)).toBe(0);
    await db().webhook.delete({ where: { id: webhook.id } });
  });

  test("returns at either level go back to whoever saved the value; a manager may return before the partner approved", async () => {
    const period = await newPeriod("tl-returns", "2037-07-01", "2037-09-30");
    const at = { indicatorId: await indicatorId("OP1.1.2"), periodId: period.id, locationId: tumbes };
    const returned = async (who: Principal) =>
      (await inbox(who)).find((i) => i.kind === "returned" && i.timeId === period.id)?.count ?? 0;
    const submit = async (value: number, version?: number) =>
      (await saveSheet(reporter, peru, [{ ...at, value, version }], true)).saved[0] as { id: string; version: number };
    const decide = (who: Principal, v: { id: string; version: number }, decision: "approve" | "return") =>
      reviewResults(who, peru, [{ resultId: v.id, version: v.version, decision, comment: "Check the register" }]);
    const current = (id: string) => db().result.findUniqueOrThrow({ where: { id } });

    // The partner returns it.
    let value = await submit(3);
    await expect(
      reviewResults(reviewer, peru, [{ resultId: value.id, version: value.version, decision: "return" }]),
    ).rejects.toBeInstanceOf(BatchProblems);
    await decide(reviewer, value, "return");
    expect(await current(value.id)).toMatchObject({ status: "RETURNED", reviewComment: "Check the register" });
    expect(await returned(reporter)).toBe(1);

    // Again; the partner approves, the manager returns it; saved again, it goes through both levels again.
    value = await submit(4, (await current(value.id)).version);
    expect(await returned(reporter)).toBe(0);
    await decide(reviewer, value, "approve");
    await decide(manager, await current(value.id), "return");
    expect(await current(value.id)).toMatchObject({ status: "RETURNED", reviewedById: manager.userId });
    expect(await returned(reporter)).toBe(1);
    value = await submit(5, (await current(value.id)).version);
    expect(await current(value.id)).toMatchObject({ status: "SUBMITTED", partnerReviewedById: null });

    // The manager returns it before the partner decided: allowed.
    await decide(manager, value, "return");
    expect((await current(value.id)).status).toBe("RETURNED");
  });

  test("without two-level approval the partner's reviewer decides nothing; the manager approves directly", async () => {
    await setTwoLevelApproval(manager, peru, false);
    try {
      const period = await newPeriod("tl-off", "2037-10-01", "2037-12-31");
      const at = { indicatorId: await indicatorId("OP1.1.2"), periodId: period.id, locationId: tumbes };
      const [value] = (await saveSheet(reporter, peru, [{ ...at, value: 6 }], true)).saved;
      if (!value) throw new Error("not saved");
      const approve = { resultId: value.id, version: value.version, decision: "approve" as const };
      expect((await reviewQueue(reviewer, peru)).items).toEqual([]);
      expect((await inbox(reviewer)).filter((i) => i.kind === "toReview")).toEqual([]);
      expect(await problemsOf(reviewResults(reviewer, peru, [approve]))).toEqual([
        { index: 0, field: "locationId", code: "notYourSite" },
      ]);
      expect((await inbox(manager)).find((i) => i.timeId === period.id)).toMatchObject({ kind: "toReview", count: 1 });
      await reviewResults(manager, peru, [approve]);
      expect((await db().result.findUniqueOrThrow({ where: { id: value.id } })).status).toBe("APPROVED");
    } finally {
      await setTwoLevelApproval(manager, peru, true);
    }
  });

  test("review mails: values at the partner's site go to its reviewers, the others and those it approved to the managers", async () => {
    const mail = await captureMail();
    try {
      await mailSubmitted(peru, reporter.userId, [tumbes, tumbes, piura]);
      expect(mail.to("tl-reviewer@example.org")).toHaveLength(1);
      expect(mail.to("tl-reviewer@example.org")[0]?.text).toMatch(/\b2\b/);
      expect(mail.to("manager@example.org")).toHaveLength(1);
      expect(mail.to("tl-reporter@example.org")).toHaveLength(0);
      await mailSubmitted(peru, reviewer.userId, [tumbes], { forwarded: true });
      expect(mail.to("manager@example.org")).toHaveLength(2);
      expect(mail.to("tl-reviewer@example.org")).toHaveLength(1);
    } finally {
      await mail.close();
    }
  });
});
