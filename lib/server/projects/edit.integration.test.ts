import { beforeAll, describe, expect, test } from "vitest";
import { ForbiddenError, type UserPrincipal } from "@/lib/domain/permissions";
import { verifyCredentials } from "@/lib/platform/auth/credentials";
import { hashPassword } from "@/lib/platform/auth/password";
import { db } from "@/lib/platform/db";
import { projectSummary } from "@/lib/server/summary/service";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { createProject } from "./create";
import {
  addCustomDimension,
  EditRefused,
  moveIndicator,
  StaleEdit,
  saveIndicator,
  setIndicatorArchived,
  updateProjectDetails,
} from "./edit";
import { acceptInvitation, findInvitation, inviteMember, listTeam, setMemberRole } from "./members";
import { dimensionCatalogue, getProject } from "./service";
import { saveTargets, TargetConflict, TargetProblems } from "./targets";

let manager: UserPrincipal;
let evaluator: UserPrincipal;
let peru: string;

beforeAll(async () => {
  [manager, evaluator] = await Promise.all([
    principalFor("manager@example.org"),
    principalFor("evaluator@example.org"),
  ]);
  peru = await projectId("PE-VEN-2021");
});

async function details() {
  const p = await db().project.findUniqueOrThrow({ where: { id: peru }, include: { locations: true } });
  return {
    version: p.version,
    name: p.name,
    summary: p.summary,
    donor: p.donor,
    partners: p.partners,
    startDate: p.startDate.toISOString().slice(0, 10),
    endDate: p.endDate.toISOString().slice(0, 10),
    reportingFrequency: p.reportingFrequency,
    onTrackThreshold: p.onTrackThreshold,
    atRiskThreshold: p.atRiskThreshold,
    languages: p.languages,
    sourceNote: p.sourceNote,
    locationIds: p.locations.map((l) => l.locationId),
  };
}

describe("project details", () => {
  test("a manager edits them; a save on an older version is refused with what is saved now", async () => {
    const read = await details();
    const saved = await updateProjectDetails(manager, peru, { ...read, donor: "New donor" });
    expect(saved.donor).toBe("New donor");
    expect(saved.version).toBe(read.version + 1);
    const stale = updateProjectDetails(manager, peru, { ...read, donor: "Other donor" });
    await expect(stale).rejects.toBeInstanceOf(StaleEdit);
    await expect(stale).rejects.toMatchObject({ current: { donor: "New donor" } });
    const audit = await db().auditEvent.findFirst({ where: { entityId: peru, action: "project.update" } });
    expect(audit?.before).toMatchObject({ donor: read.donor });
    expect(audit?.after).toMatchObject({ donor: "New donor" });
  });

  test("a place with results cannot be dropped; evaluators cannot edit", async () => {
    const read = await details();
    const tumbes = await locationId("PE-TUM");
    await expect(
      updateProjectDetails(manager, peru, { ...read, locationIds: read.locationIds.filter((id) => id !== tumbes) }),
    ).rejects.toMatchObject({ field: "locationIds", reason: "hasResults" });
    await expect(updateProjectDetails(evaluator, peru, read)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateProjectDetails(manager, peru, { ...read, endDate: "2001-01-01" })).rejects.toThrow(
      /endBeforeStart/,
    );
  });
});

describe("indicators", () => {
  test("added, edited by version, reordered, archived (not deleted) and restored", async () => {
    const node = await db().resultNode.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1" } });
    const added = await saveIndicator(manager, peru, null, {
      resultNodeId: node.id,
      code: "OP1.1.9",
      title: "Number of legal clinics held",
      measure: "COUNT",
      dimensionKeys: ["sex"],
    });
    expect(added.sortOrder).toBeGreaterThan(0);
    const edited = await saveIndicator(manager, peru, added.id, {
      version: added.version,
      resultNodeId: node.id,
      code: "OP1.1.9",
      title: "Number of mobile legal clinics held",
      measure: "COUNT",
      baselineValue: "0",
    });
    expect(edited.title).toBe("Number of mobile legal clinics held");
    await expect(
      saveIndicator(manager, peru, added.id, {
        version: added.version,
        resultNodeId: node.id,
        code: "X",
        title: "X",
        measure: "COUNT",
      }),
    ).rejects.toBeInstanceOf(StaleEdit);
    await expect(
      saveIndicator(manager, peru, null, { resultNodeId: node.id, code: "OP1.1.1", title: "Copy", measure: "COUNT" }),
    ).rejects.toMatchObject({ field: "code", reason: "duplicate" });

    await moveIndicator(manager, peru, added.id, -1);
    const order = await db().indicator.findMany({ where: { resultNodeId: node.id }, orderBy: { sortOrder: "asc" } });
    expect(order.at(-2)?.id).toBe(added.id);

    await setIndicatorArchived(manager, peru, added.id, true);
    const project = await getProject(manager, peru);
    expect(project?.resultNodes.flatMap((n) => n.indicators).some((i) => i.id === added.id)).toBe(false);
    expect(await db().indicator.findUnique({ where: { id: added.id } })).not.toBeNull();
    await setIndicatorArchived(manager, peru, added.id, false);
    expect((await db().indicator.findUniqueOrThrow({ where: { id: added.id } })).archivedAt).toBeNull();
  });

  test("the measure of an indicator with results cannot change", async () => {
    const legal = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
    await expect(
      saveIndicator(manager, peru, legal.id, {
        version: legal.version,
        resultNodeId: legal.resultNodeId,
        code: legal.code,
        title: legal.title,
        measure: "MEAN",
      }),
    ).rejects.toEqual(new EditRefused("measure", "hasResults"));
  });
});

test("managers add custom disaggregations to their project; keys are unique there, other projects never see them", async () => {
  const dimension = await addCustomDimension(manager, peru, {
    name: "Displacement status",
    key: "displacement",
    options: "Internally displaced\nRefugee\nHost community",
  });
  const options = await db().disaggregationOption.findMany({
    where: { dimensionId: dimension.id },
    orderBy: { sortOrder: "asc" },
  });
  expect(options.map((o) => o.key)).toEqual(["internally-displaced", "refugee", "host-community"]);
  await expect(
    addCustomDimension(manager, peru, { name: "Again", key: "displacement", options: "a;b" }),
  ).rejects.toMatchObject({ field: "key", reason: "duplicate" });
  await expect(addCustomDimension(manager, peru, { name: "One", key: "one", options: "only" })).rejects.toThrow(
    /twoOptions/,
  );
  await expect(addCustomDimension(evaluator, peru, { name: "X", key: "x", options: "a;b" })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  expect(dimension.projectId).toBe(peru);
  await expect(
    addCustomDimension(manager, peru, { name: "Sex again", key: "sex", options: "a;b" }),
  ).rejects.toMatchObject({ field: "key", reason: "duplicate" });
  const roma = await projectId("WB-ROMA-W");
  const other = await addCustomDimension(manager, roma, { name: "Displacement", key: "displacement", options: "x;y" });
  expect(other.id).not.toBe(dimension.id);
  expect((await dimensionCatalogue(roma)).find((d) => d.key === "displacement")?.options.map((o) => o.key)).toEqual([
    "x",
    "y",
  ]);
});

test("a definition that reuses a catalogue key with new options changes no other project's breakdowns", async () => {
  const admin = await principalFor("admin@example.org");
  const ethnicityBefore = await db().disaggregationDimension.findFirstOrThrow({
    where: { projectId: null, key: "ethnicity" },
    include: { options: true },
  });
  const created = await createProject(admin, {
    code: "OWN-DIMS",
    name: "Own dimensions",
    startDate: "2024-01-01",
    endDate: "2024-12-31",
    locations: ["RS"],
    dimensions: [
      {
        key: "ethnicity",
        name: "Ethnicity (local)",
        options: [
          ["roma", "Roma"],
          ["egyptian", "Egyptian"],
        ],
      },
    ],
    nodes: [
      {
        code: "O1",
        level: "OUTCOME",
        title: "Outcome",
        indicators: [
          {
            code: "I1",
            title: "People",
            measure: "COUNT",
            dimensions: ["ethnicity", "sex"],
            targets: [{ when: "lop", option: "ethnicity:egyptian", value: 5 }],
          },
        ],
      },
    ],
  });
  expect(created.problems).toEqual([]);
  const ethnicityAfter = await db().disaggregationDimension.findFirstOrThrow({
    where: { projectId: null, key: "ethnicity" },
    include: { options: true },
  });
  expect(ethnicityAfter.options.map((o) => o.key).sort()).toEqual(ethnicityBefore.options.map((o) => o.key).sort());
  const summary = await projectSummary(admin, await projectId("WB-ROMA-W"));
  const romaEthnicity = summary?.indicators.flatMap((i) => i.byDimension).find((d) => d.key === "ethnicity");
  expect(romaEthnicity?.options.map((o) => o.key)).not.toContain("egyptian");
  const own = await projectSummary(admin, created.projectId ?? "");
  const ownEthnicity = own?.indicators[0]?.byDimension.find((d) => d.key === "ethnicity");
  expect(ownEthnicity?.options.map((o) => o.key)).toEqual(["roma", "egyptian"]);
  expect(ownEthnicity?.options.find((o) => o.key === "egyptian")?.target).toBe(5);
});

describe("targets", () => {
  test("saved all or nothing, refused when someone saved in between, and warned about when places do not add up", async () => {
    const legal = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
    const tumbes = await locationId("PE-TUM");
    const lop = await db().target.findFirstOrThrow({
      where: { indicatorId: legal.id, periodId: null, roundId: null, locationId: tumbes, optionId: null },
    });
    const cell = { indicatorId: legal.id, locationId: tumbes, updatedAt: lop.updatedAt.toISOString() };
    await expect(
      saveTargets(manager, peru, [
        { ...cell, value: lop.value ?? 0 },
        { indicatorId: legal.id, locationId: tumbes, periodId: "nope", value: 1.5 },
      ]),
    ).rejects.toMatchObject({
      problems: [
        { index: 1, field: "periodId", code: "unknown" },
        { index: 1, field: "value", code: "wholeNumber" },
      ],
    });
    expect(TargetProblems).toBeDefined();
    const result = await saveTargets(manager, peru, [{ ...cell, value: (lop.value ?? 0) + 500 }]);
    expect(result.changed).toBe(1);
    await expect(saveTargets(manager, peru, [{ ...cell, value: 1 }])).rejects.toBeInstanceOf(TargetConflict);
    const overall = await db().target.findFirst({
      where: { indicatorId: legal.id, periodId: null, roundId: null, locationId: null, optionId: null },
    });
    await saveTargets(manager, peru, [
      { indicatorId: legal.id, value: 100, updatedAt: overall?.updatedAt.toISOString() ?? null },
    ]);
    const summary = await projectSummary(manager, peru);
    const warnings = summary?.indicators.find((i) => i.indicator.id === legal.id)?.warnings ?? [];
    expect(warnings.map((w) => w.code)).toContain("regionalTargetsDoNotAddUp");
    await expect(saveTargets(evaluator, peru, [{ ...cell, value: 1 }])).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("team", () => {
  test("everyone is invited by a one-time link, with the same answer whether the address has an account or not", async () => {
    const nepal = await projectId("SA-HIV-MOB");
    const admin = await principalFor("admin@example.org");
    const existing = await inviteMember(admin, nepal, { email: "Evaluator@Example.org", role: "VIEWER" });
    const unknown = await inviteMember(admin, nepal, { email: "nobody.yet@example.org", role: "VIEWER" });
    expect(Object.keys(existing).sort()).toEqual(Object.keys(unknown).sort());
    expect(existing).toMatchObject({ emailed: false, token: expect.stringMatching(/^i_/) });
    // Not a member until the account's owner accepts with their own password.
    expect((await principalFor("evaluator@example.org")).roles[nepal]).toBeUndefined();
    expect(await acceptInvitation(existing.token, { name: "E", password: "not the password" })).toBeNull();
    expect(await acceptInvitation(existing.token, { name: "E", password: "demo-evaluator-pass" })).toMatchObject({
      projectId: nepal,
    });
    expect((await principalFor("evaluator@example.org")).roles[nepal]).toBe("VIEWER");
    await expect(inviteMember(admin, nepal, { email: "evaluator@example.org", role: "VIEWER" })).rejects.toMatchObject({
      reason: "alreadyMember",
    });
    const invited = await inviteMember(admin, nepal, { email: "new.officer@example.org", role: "EVALUATOR" });
    const token = invited.token ?? "";
    expect((await findInvitation(token))?.email).toBe("new.officer@example.org");
    expect((await listTeam(admin, nepal)).invitations.map((i) => i.email)).toContain("new.officer@example.org");
    expect(await acceptInvitation(token, { name: "New Officer", password: "a long password" })).toMatchObject({
      projectId: nepal,
    });
    expect(await acceptInvitation(token, { name: "Again", password: "a long password" })).toBeNull();
    expect(await verifyCredentials("new.officer@example.org", "a long password")).not.toBeNull();
    const officer = await principalFor("new.officer@example.org");
    expect(officer.roles[nepal]).toBe("EVALUATOR");
    await expect(inviteMember(officer, nepal, { email: "x@example.org", role: "VIEWER" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    // An account made with the invited address in the meantime joins only with its own password.
    const peruInvite = await inviteMember(admin, peru, { email: "late@example.org", role: "VIEWER" });
    await db().user.create({
      data: { email: "late@example.org", name: "Late", passwordHash: await hashPassword("the real password") },
    });
    expect(await acceptInvitation(peruInvite.token ?? "", { name: "X", password: "a guessed password" })).toBeNull();
    expect(await acceptInvitation(peruInvite.token ?? "", { name: "X", password: "the real password" })).toMatchObject({
      projectId: peru,
    });
  });

  test("roles change and members leave, but a project keeps at least one manager", async () => {
    const viewer = await db().user.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
    await setMemberRole(manager, peru, viewer.id, "EVALUATOR");
    expect((await principalFor("viewer@example.org")).roles[peru]).toBe("EVALUATOR");
    await setMemberRole(manager, peru, viewer.id, null);
    expect((await principalFor("viewer@example.org")).roles[peru]).toBeUndefined();
    await expect(setMemberRole(manager, peru, manager.userId, "VIEWER")).rejects.toMatchObject({
      reason: "lastManager",
    });
  });
});
