import { describe, expect, test } from "vitest";
import { can, ForbiddenError, placesWhere } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { readableProjectsWhere } from "@/lib/server/access/scoped-list";
import { libraryRollup } from "@/lib/server/library/rollup";
import { portfolio } from "@/lib/server/portfolio/service";
import { projectResults, readableProjectList } from "@/lib/server/projects/read-api";
import { saveResults } from "@/lib/server/results/entry";
import { readableStudiesWhere } from "@/lib/server/studies/scope";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import {
  addPartnerMember,
  assignSites,
  createPartner,
  listPartners,
  projectPartners,
  removePartnerMember,
  setTwoLevelApproval,
  unassignSites,
} from "./service";

const refusal = (field: string, code: string) => ({ fields: [{ field: `body.${field}`, code }] });

async function user(email: string) {
  return db().user.create({ data: { email, name: email.split("@")[0] ?? email } });
}

describe("partners", () => {
  test("admins keep partners (names unique whatever their case) and their members by e-mail", async () => {
    const [admin, manager] = await Promise.all([
      principalFor("admin@example.org"),
      principalFor("manager@example.org"),
    ]);
    const partner = await createPartner(admin, { name: "Red  Solidaria " });
    await expect(createPartner(admin, { name: " red solidaria" })).rejects.toMatchObject(refusal("name", "nameTaken"));
    await expect(createPartner(manager, { name: "Other" })).rejects.toBeInstanceOf(ForbiddenError);

    await expect(
      addPartnerMember(admin, partner.id, { email: "nobody@example.org", role: "REPORTER" }),
    ).rejects.toMatchObject(refusal("email", "unknownUser"));
    const member = await user("rs-reporter@example.org");
    await addPartnerMember(admin, partner.id, { email: "RS-Reporter@example.org", role: "REPORTER" });
    await addPartnerMember(admin, partner.id, { email: "rs-reporter@example.org", role: "REVIEWER" });
    await expect(
      addPartnerMember(manager, partner.id, { email: "rs-reporter@example.org", role: "REVIEWER" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const listed = (await listPartners(admin)).find((p) => p.id === partner.id);
    expect(listed).toMatchObject({
      name: "Red Solidaria",
      sites: 0,
      members: [{ userId: member.id, email: "rs-reporter@example.org", role: "REVIEWER" }],
    });
    await removePartnerMember(admin, partner.id, member.id);
    expect((await listPartners(admin)).find((p) => p.id === partner.id)?.members).toEqual([]);
    const audits = await db().auditEvent.findMany({ where: { entityType: "Partner", entityId: partner.id } });
    expect(audits.map((a) => a.action).sort()).toEqual([
      "partner.create",
      "partner.memberAdd",
      "partner.memberRemove",
      "partner.memberRole",
    ]);
  });

  test("a project's manager assigns its places, one partner each, and asks for two-level approval", async () => {
    const [admin, manager, evaluator] = await Promise.all([
      principalFor("admin@example.org"),
      principalFor("manager@example.org"),
      principalFor("evaluator@example.org"),
    ]);
    const peru = await projectId("PE-VEN-2021");
    const [a, b] = await Promise.all([
      createPartner(admin, { name: "Assign A" }),
      createPartner(admin, { name: "Assign B" }),
    ]);
    const [tumbes, piura, nepalPlace] = await Promise.all([
      locationId("PE-TUM"),
      locationId("PE-PIU"),
      locationId("NP"),
    ]);
    await assignSites(manager, peru, a.id, [tumbes, piura]);
    await expect(assignSites(manager, peru, b.id, [piura])).rejects.toMatchObject(
      refusal("locationIds", "otherPartner"),
    );
    await expect(assignSites(manager, peru, b.id, [nepalPlace])).rejects.toMatchObject(
      refusal("locationIds", "notInProject"),
    );
    await expect(assignSites(evaluator, peru, b.id, [piura])).rejects.toBeInstanceOf(ForbiddenError);
    // Moved only when said so.
    await assignSites(manager, peru, b.id, [piura], { reassign: true });
    const page = await projectPartners(manager, peru);
    expect(page.twoLevelApproval).toBe(false);
    expect(page.places[0]).toMatchObject({ name: "Peru", depth: 0, partnerId: null });
    expect(page.places.find((p) => p.locationId === tumbes)).toMatchObject({ depth: 1, partnerId: a.id });
    expect(page.places.find((p) => p.locationId === piura)).toMatchObject({ depth: 1, partnerId: b.id });
    await unassignSites(manager, peru, [tumbes, piura]);
    expect((await projectPartners(manager, peru)).places.every((p) => p.partnerId === null)).toBe(true);

    await setTwoLevelApproval(manager, peru, true);
    expect((await projectPartners(manager, peru)).twoLevelApproval).toBe(true);
    await expect(setTwoLevelApproval(evaluator, peru, false)).rejects.toBeInstanceOf(ForbiddenError);
    await setTwoLevelApproval(manager, peru, false);
    const audits = await db().auditEvent.findMany({ where: { projectId: peru, action: { startsWith: "p" } } });
    expect(audits.map((e) => e.action)).toEqual(
      expect.arrayContaining(["partner.assignSites", "partner.unassignSites", "project.twoLevelApproval"]),
    );
  });

  test("a partner's member reads the projects where the partner has sites, and values unapproved only there", async () => {
    const [admin, manager, evaluator] = await Promise.all([
      principalFor("admin@example.org"),
      principalFor("manager@example.org"),
      principalFor("evaluator@example.org"),
    ]);
    const [peru, roma] = await Promise.all([projectId("PE-VEN-2021"), projectId("WB-ROMA-W")]);
    const partner = await createPartner(admin, { name: "Scope partner" });
    await user("scope-reporter@example.org");
    await addPartnerMember(admin, partner.id, { email: "scope-reporter@example.org", role: "REPORTER" });
    const [tumbes, piura] = await Promise.all([locationId("PE-TUM"), locationId("PE-PIU")]);
    await assignSites(manager, peru, partner.id, [tumbes]);

    const reporter = await principalFor("scope-reporter@example.org");
    expect(reporter.roles).toEqual({});
    expect(reporter.partnerSites).toEqual({
      [peru]: { partnerId: partner.id, role: "REPORTER", locationIds: [tumbes] },
    });
    expect(can(reporter, "project.read", peru)).toBe(true);
    expect(can(reporter, "project.read", roma)).toBe(false);
    expect(can(reporter, "results.enter", peru)).toBe(false);
    expect(placesWhere(reporter, "results.enter", peru)).toEqual([tumbes]);

    // Portfolio, project lists and the scope every list uses: Peru only.
    expect((await portfolio(reporter)).map((p) => p.id)).toEqual([peru]);
    expect((await readableProjectList(reporter, { limit: 50 })).items.map((p) => p.id)).toEqual([peru]);
    expect(
      (await db().project.findMany({ where: readableProjectsWhere(reporter), select: { id: true } })).map((p) => p.id),
    ).toEqual([peru]);
    const reach = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
    const rolled = await libraryRollup(reporter, reach.id, { by: "country", year: null });
    expect(rolled?.projects.map((p) => p.code)).toEqual(["PE-VEN-2021"]);
    const studies = await db().study.findMany({ where: readableStudiesWhere(reporter), include: { projects: true } });
    expect(studies.every((s) => s.visibility === "PUBLIC" || s.projects.some((p) => p.projectId === peru))).toBe(true);

    // Results: none of Roma's; at Peru every status at Tumbes, approved elsewhere.
    expect(await projectResults(reporter, roma, {}, { limit: 10 })).toBeNull();
    const period = await db().reportingPeriod.create({
      data: {
        projectId: peru,
        label: "scope-test",
        startDate: new Date("2036-01-01"),
        endDate: new Date("2036-03-31"),
      },
    });
    const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } });
    const drafts = await saveResults(
      evaluator,
      peru,
      [
        { indicatorId: indicator.id, periodId: period.id, locationId: tumbes, value: 1 },
        { indicatorId: indicator.id, periodId: period.id, locationId: piura, value: 2 },
      ],
      false,
    );
    const seen = await projectResults(reporter, peru, { period: period.id }, { limit: 10 });
    expect(seen?.items.map((r) => r.id)).toEqual([drafts[0]?.id]);
    const all = await projectResults(reporter, peru, {}, { limit: 500 });
    expect(all?.items.every((r) => r.status === "APPROVED" || r.locationId === tumbes)).toBe(true);

    // Taking the site away takes the project with it, on the next request.
    await unassignSites(manager, peru, [tumbes]);
    const after = await principalFor("scope-reporter@example.org");
    expect(can(after, "project.read", peru)).toBe(false);
    expect(await portfolio(after)).toEqual([]);
  });
});
