// Every /api/v1 route and method x every kind of caller, each cell's expected answer stated: a caller
// the permission table refuses never gets a 2xx (and never changes anything), one it allows is never
// refused for who they are, and nobody gets a 5xx. A route added without an entry here fails the test.
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { hashToken, newSecretToken } from "@/lib/domain/api-tokens/token";
import { contracts } from "@/lib/http/contracts";
import { db } from "@/lib/platform/db";
import { enablePush } from "@/lib/server/connections/push";
import { createConnection } from "@/lib/server/connections/service";
import { attachEvidence, shareEvidence } from "@/lib/server/evidence/service";
import { createShareLink } from "@/lib/server/share-links/service";
import { createStudy } from "@/lib/server/studies/service";
import { createWebhook } from "@/lib/server/webhooks/service";
import { type FakeServer, fakeKobo } from "@/lib/testing/fake-survey-servers";
import { principalFor, projectId } from "@/lib/testing/principals";

/** What each operation asks of its caller (on the Peru project, where the cells are tried). */
const required: Record<
  string,
  | "read"
  | "edit"
  | "enter"
  | "review"
  | "unapproved"
  | "members"
  | "create"
  | "signedIn"
  | "share"
  | "shareFiles"
  | "connectionSecret"
  | "connections"
  | "connectionsManage"
  | "webhooks"
  | "library"
> = {
  getProjectSummary: "read",
  getProjectSummaryCsv: "read",
  getProjectIatiXml: "read",
  getTrackingTableCsv: "read",
  getTrackingTableXlsx: "read",
  getProjectLogframe: "read",
  getProjectLogframeCsv: "read",
  getLogframeTemplate: "signedIn",
  getLogframeTemplateCsv: "signedIn",
  createProject: "create",
  importProject: "create",
  copyProject: "create",
  updateProject: "edit",
  createIndicator: "edit",
  updateIndicator: "edit",
  saveTargets: "edit",
  listMembers: "members",
  inviteMember: "members",
  setMemberRole: "members",
  removeMember: "members",
  saveResults: "enter",
  importResults: "enter",
  importSurvey: "enter",
  uploadResults: "enter",
  getImportProgress: "enter",
  reviewResults: "review",
  getResultHistory: "unapproved",
  listProjects: "signedIn",
  getProject: "read",
  listIndicators: "read",
  listResults: "read",
  getSharedSummary: "share",
  getSharedSummaryCsv: "share",
  listEvidence: "read",
  uploadEvidence: "enter",
  getEvidence: "read",
  updateEvidence: "shareFiles",
  deleteEvidence: "enter",
  getSharedEvidence: "share",
  getProjectReportPdf: "read",
  getSharedReportPdf: "share",
  // KoboToolbox's REST Service posts with the connection's push-in secret, which no caller here holds.
  pushKoboSubmission: "connectionSecret",
  pushKoboSubmissionWithSecretInPath: "connectionSecret",
  // The Peru connection: its managers and evaluators (not admins, not viewers), as on its page.
  listConnections: "connections",
  runConnectionSync: "connections",
  listConnectionSyncs: "connections",
  testConnection: "connections",
  // Adding, editing and deleting it: its managers only.
  createConnection: "connectionsManage",
  updateConnection: "connectionsManage",
  deleteConnection: "connectionsManage",
  // A study of the Peru project, internal: its members and admins read it, its managers and admins file one.
  listStudies: "signedIn",
  createStudy: "edit",
  getStudy: "read",
  listSharedStudies: "share",
  getSharedStudyFile: "share", // the matrix study is internal: a 404 for the link too
  // A webhook of the Peru project: its managers only (not admins), as on its page.
  listWebhooks: "webhooks",
  createWebhook: "webhooks",
  updateWebhook: "webhooks",
  rotateWebhookSecret: "webhooks",
  listWebhookDeliveries: "webhooks",
  deleteWebhook: "webhooks",
  // The organisation's indicator library: every signed-in user reads it (the roll-up and projects within
  // their scope), admins and M&E leads add to it, the project's managers link its indicators (OP1.1.1 to
  // ORG-REACH, as in the demo).
  listLibraryIndicators: "signedIn",
  getLibraryIndicator: "signedIn",
  getLibraryRollup: "signedIn",
  // Its roll-up as files (the same figures, within the caller's scope).
  getLibraryRollupCsv: "signedIn",
  getLibraryRollupXlsx: "signedIn",
  getLibraryRollupPdf: "signedIn",
  createLibraryIndicator: "library",
  linkLibraryIndicator: "edit",
  unlinkLibraryIndicator: "edit",
};

const matrixPdf = "%PDF-1.4\n%%EOF\n";

type Caller = { name: string; headers: Record<string, string>; may: Set<string> };
let callers: Caller[] = [];
let ids: Record<string, string> = {};
/** OP1.1.1's mapping of ORG-REACH's options, sent again by the link cells. */
let linkOptions: { dimensionKey: string; optionKey: string; projectOptionId: string }[] = [];
/** The matrix connection's server (a local KoboToolbox), so that testing the connection answers at once. */
let kobo: FakeServer;

async function apiToken(email: string, extra: { revokedAt?: Date; expiresAt?: Date } = {}) {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  const token = newSecretToken("med");
  await db().apiToken.create({ data: { userId: user.id, name: "matrix", tokenHash: hashToken(token), ...extra } });
  return { authorization: `Bearer ${token}` };
}

/** A token of a new user with a role in the project, and changes made to the user after it was made. */
async function userToken(
  email: string,
  data: { orgRole?: "PROGRAM_MANAGER" | "ME_LEAD" },
  project: string,
  role: "MANAGER" | "VIEWER",
  after: { deactivatedAt?: Date } = {},
) {
  const user = await db().user.create({
    data: { email, name: email, passwordHash: "x", ...data, memberships: { create: { projectId: project, role } } },
  });
  const headers = await apiToken(email);
  await db().user.update({ where: { id: user.id }, data: after });
  return headers;
}

beforeAll(async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
  const result = await db().result.findFirstOrThrow({ where: { indicatorId: indicator.id } });
  const viewer = await db().user.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
  const share = await createShareLink(manager, peru, { label: "Matrix", expiresAt: null, options: {} as never });
  const revokedShare = await createShareLink(manager, peru, {
    label: "Matrix revoked",
    expiresAt: null,
    options: {} as never,
  });
  await db().shareLink.updateMany({ where: { label: "Matrix revoked" }, data: { revokedAt: new Date() } });
  // Someone who was a member: their token now carries no role in the project.
  const removed = await db().user.create({
    data: {
      email: "former.member@example.org",
      name: "Former",
      passwordHash: "x",
      memberships: { create: { projectId: peru, role: "MANAGER" } },
    },
  });
  const removedHeaders = await apiToken(removed.email);
  await db().membership.deleteMany({ where: { userId: removed.id } });
  const period = await db().reportingPeriod.findFirstOrThrow({ where: { projectId: peru, lockedAt: null } });
  const tumbes = await db().location.findUniqueOrThrow({ where: { isoCode: "PE-TUM" } });
  ids = {
    projectId: peru,
    indicatorId: indicator.id,
    resultId: result.id,
    userId: viewer.id,
    token: share.token,
    periodId: period.id,
    locationId: tumbes.id,
  };
  const reach = await db().libraryLink.findUniqueOrThrow({
    where: { indicatorId: indicator.id },
    include: { options: { select: { dimensionKey: true, optionKey: true, projectOptionId: true } } },
  });
  ids.libraryId = reach.libraryIndicatorId;
  linkOptions = reach.options;
  // A file on an approved value, attached by the evaluator and shared with donors: every reader may see it.
  const approved = await db().result.findFirstOrThrow({ where: { status: "APPROVED", indicatorId: indicator.id } });
  const evidence = await attachEvidence(
    await principalFor("evaluator@example.org"),
    peru,
    { resultId: approved.id },
    {
      name: "matrix.pdf",
      bytes: new TextEncoder().encode(matrixPdf),
    },
  );
  await shareEvidence(manager, peru, evidence.id, true);
  ids.evidenceId = evidence.id;
  // An evaluator's import, followed by its progress id: whoever may import in the project may read it.
  const progress = await db().importProgress.create({
    data: { id: "0f5a3c1e-2b4d-4e6f-8a9b-1c2d3e4f5a6b", projectId: peru, userId: viewer.id, phase: "done" },
  });
  ids.progressId = progress.id;
  kobo = await fakeKobo({ assetUid: "aMatrix", token: "matrix-token", name: "Matrix form", submissions: [] });
  const connection = await createConnection(manager, peru, {
    name: "Matrix connection",
    kind: "KOBO",
    serverUrl: kobo.url,
    assetUid: "aMatrix",
    token: "matrix-token",
  });
  await enablePush(manager, peru, connection.id);
  ids.connectionId = connection.id;
  // Held as if a sync were running: an allowed caller's sync is answered 409 at once (no sync runs in
  // the matrix), a refused one still 403.
  await db().connection.update({
    where: { id: connection.id },
    data: { lockedUntil: new Date(Date.now() + 3_600_000) },
  });
  const study = await createStudy(
    await principalFor("admin@example.org"),
    { typeKey: "evaluation", texts: [{ language: "en", title: "Matrix study" }], projectIds: [peru] },
    [{ name: "matrix.pdf", bytes: new TextEncoder().encode(matrixPdf) }],
  );
  ids.studyId = study.id;
  ids.fileId = study.files[0]?.id ?? "";
  ids.webhookId = (
    await createWebhook(manager, peru, { url: "https://example.org/matrix-hook", events: ["results.approved"] })
  ).webhook.id;
  // Partners (#34): a reporter and a reviewer of a partner with a Peru site (not the matrix value's place),
  // in a project with two-level approval, and a reporter of a partner with a site of another project only.
  const partnerSite = await db().location.findFirstOrThrow({
    where: {
      projects: { some: { projectId: peru } },
      parentId: { not: null },
      id: { notIn: [result.locationId, tumbes.id] },
    },
  });
  const partnerUser = async (email: string, partner: string, role: "REPORTER" | "REVIEWER") => {
    await db().user.create({
      data: { email, name: email, passwordHash: "x", partnerMembers: { create: { partnerId: partner, role } } },
    });
    return apiToken(email);
  };
  const peruPartner = await db().partner.create({
    data: {
      name: "Matrix partner",
      nameKey: "matrix partner",
      sites: { create: { projectId: peru, locationId: partnerSite.id } },
    },
  });
  await db().project.update({ where: { id: peru }, data: { twoLevelApproval: true } });
  const nepal = await projectId("SA-HIV-MOB");
  const nepalPlace = await db().projectLocation.findFirstOrThrow({ where: { projectId: nepal } });
  const nepalPartner = await db().partner.create({
    data: {
      name: "Matrix partner Nepal",
      nameKey: "matrix partner nepal",
      sites: { create: { projectId: nepal, locationId: nepalPlace.locationId } },
    },
  });
  const all = [
    "read",
    "edit",
    "enter",
    "review",
    "unapproved",
    "members",
    "create",
    "signedIn",
    "shareFiles",
    "webhooks",
    "connections",
    "connectionsManage",
  ];
  callers = [
    { name: "anonymous", headers: {}, may: new Set() },
    { name: "donor link as a bearer token", headers: { authorization: `Bearer ${share.token}` }, may: new Set() },
    {
      name: "revoked API token",
      headers: await apiToken("manager@example.org", { revokedAt: new Date() }),
      may: new Set(),
    },
    {
      name: "expired API token",
      headers: await apiToken("manager@example.org", { expiresAt: new Date(Date.now() - 1000) }),
      may: new Set(),
    },
    { name: "removed member", headers: removedHeaders, may: new Set(["signedIn"]) },
    { name: "viewer", headers: await apiToken("viewer@example.org"), may: new Set(["read", "signedIn"]) },
    {
      name: "evaluator",
      headers: await apiToken("evaluator@example.org"),
      may: new Set(["read", "enter", "unapproved", "signedIn", "connections"]),
    },
    {
      name: "evaluator of another project",
      headers: await apiToken("nepal.only@example.org").catch(async () => {
        const user = await db().user.create({
          data: { email: "nepal.only@example.org", name: "Nepal only", passwordHash: "x" },
        });
        await db().membership.create({
          data: { userId: user.id, projectId: await projectId("SA-HIV-MOB"), role: "EVALUATOR" },
        });
        return apiToken(user.email);
      }),
      may: new Set(["signedIn"]),
    },
    {
      // The organisation role adds creating projects to what the project role gives, nothing more.
      name: "program manager, viewer of the project",
      headers: await userToken("matrix.pm@example.org", { orgRole: "PROGRAM_MANAGER" }, peru, "VIEWER"),
      may: new Set(["create", "read", "signedIn"]),
    },
    {
      // The M&E lead keeps the indicator library and gains nothing in a project.
      name: "M&E lead, viewer of the project",
      headers: await userToken("matrix.mel@example.org", { orgRole: "ME_LEAD" }, peru, "VIEWER"),
      may: new Set(["read", "signedIn", "library"]),
    },
    {
      // Deactivated after the token was made: the token stops at once.
      name: "deactivated manager",
      headers: await userToken("matrix.off@example.org", {}, peru, "MANAGER", { deactivatedAt: new Date() }),
      may: new Set(),
    },
    {
      name: "manager",
      headers: await apiToken("manager@example.org"),
      may: new Set(all.filter((p) => p !== "create")),
    },
    {
      name: "admin",
      headers: await apiToken("admin@example.org"),
      may: new Set(["read", "edit", "unapproved", "members", "create", "signedIn", "shareFiles", "library"]),
    },
    {
      // Reads the project's approved figures; enters only in the grid at its site (the API save, imports,
      // files and syncs refuse it); the matrix value's history is not at its site.
      name: "partner reporter of a Peru site",
      headers: await partnerUser("matrix.partner.reporter@example.org", peruPartner.id, "REPORTER"),
      may: new Set(["read", "signedIn"]),
    },
    {
      // Also reviews at the first level, at its site: the review call is its (the matrix value, not at its
      // site, is refused as unknown, never as not allowed).
      name: "partner reviewer of a Peru site",
      headers: await partnerUser("matrix.partner.reviewer@example.org", peruPartner.id, "REVIEWER"),
      may: new Set(["read", "signedIn", "review"]),
    },
    {
      name: "partner reporter of another project",
      headers: await partnerUser("matrix.partner.nepal@example.org", nepalPartner.id, "REPORTER"),
      may: new Set(["signedIn"]),
    },
    { name: "donor link", headers: {}, may: new Set() },
    { name: "revoked donor link", headers: {}, may: new Set() },
  ];
  ids.revokedToken = revokedShare.token;
});

afterAll(async () => {
  await kobo?.close();
});

/** A body that passes validation, so that the refusal (or not) is about who asks. */
function bodyFor(operationId: string): { body?: string; type?: string } {
  const json = (value: unknown) => ({ body: JSON.stringify(value), type: "application/json" });
  const csv = "indicator,location,period,value\nOP1.1.1,PE-TUM,2021-Q4,1\n";
  const mapping = { indicator: "indicator", location: "location", period: "period", value: "value" };
  switch (operationId) {
    case "createProject":
      return json({
        definition: {
          code: `MX-${Math.random().toString(36).slice(2, 8)}`,
          name: "M",
          startDate: "2024-01-01",
          endDate: "2024-12-31",
        },
        dryRun: true,
      });
    case "importProject":
      return json({ format: "iati", content: "<iati-activities/>", dryRun: true });
    case "copyProject":
      return json({
        code: `MC-${Math.random().toString(36).slice(2, 8)}`,
        name: "C",
        startDate: "2024-01-01",
        endDate: "2024-12-31",
        managers: [],
      });
    case "updateProject":
      return json({
        version: 1,
        name: "X",
        startDate: "2021-01-01",
        endDate: "2021-12-31",
        reportingFrequency: "QUARTERLY",
        onTrackThreshold: 0.9,
        atRiskThreshold: 0.75,
        languages: ["en"],
        locationIds: ["x"],
      });
    case "createIndicator":
    case "updateIndicator":
      return json({ version: 1, resultNodeId: "x", code: "MX.1", title: "T", measure: "COUNT" });
    case "saveTargets":
      return json({ cells: [{ indicatorId: ids.indicatorId, value: 1, updatedAt: "2000-01-01T00:00:00Z" }] });
    case "inviteMember":
      return json({ email: "matrix@example.org", role: "VIEWER" });
    case "setMemberRole":
      return json({ role: "VIEWER" });
    case "saveResults":
      return json({
        items: [
          { indicatorId: ids.indicatorId, periodId: ids.periodId, locationId: ids.locationId, value: 1, version: 999 },
        ],
        submit: false,
      });
    case "reviewResults":
      return json({ decisions: [{ resultId: ids.resultId, version: 999, decision: "approve" }] });
    case "importResults":
      return json({ format: "csv", content: csv, mapping, dryRun: true });
    case "importSurvey":
      return json({
        format: "csv",
        content: "region,age\nPE-TUM,30\n",
        rules: { place: "region", roundId: "x", indicators: [{ indicator: "OP1.1.1", kind: "count" }] },
        dryRun: true,
      });
    case "uploadResults":
      return { body: csv, type: "text/csv" };
    case "uploadEvidence":
      return { body: matrixPdf, type: "application/octet-stream" };
    case "updateEvidence":
      return json({ sharedWithDonors: true });
    case "createWebhook":
      return json({ url: "https://example.org/matrix-hook-2", events: ["period.locked"] });
    case "updateWebhook":
      return json({ version: 999, active: false });
    case "rotateWebhookSecret":
      return json({ version: 999 });
    case "createConnection":
    case "updateConnection":
      return json({
        version: 999,
        name: "Matrix connection 2",
        kind: "KOBO",
        serverUrl: kobo.url,
        assetUid: "aMatrix",
        token: "matrix-token",
      });
    case "createStudy":
      return json({
        typeKey: "baseline",
        texts: [{ language: "es", title: "Estudio de la matriz" }],
        projectIds: [ids.projectId],
      });
    case "createLibraryIndicator":
      return json({ code: `MX-${Math.random().toString(36).slice(2, 8)}`, nameEn: "M", nameEs: "M", measure: "COUNT" });
    case "linkLibraryIndicator":
      return json({ libraryIndicatorId: ids.libraryId, options: linkOptions });
    default:
      return {};
  }
}

test("route x caller matrix: no refused caller succeeds, no allowed caller is refused for who they are, no 5xx", async () => {
  expect(Object.keys(required).sort()).toEqual(contracts.map((c) => c.operationId).sort());
  let cells = 0;
  const unauthorized: string[] = [];
  for (const contract of contracts) {
    const routeFile = path.resolve(`app${contract.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`);
    const handler = (await import(/* @vite-ignore */ routeFile))[contract.method.toUpperCase()];
    const need = required[contract.operationId] ?? "?";
    for (const caller of callers) {
      const token = caller.name === "revoked donor link" ? ids.revokedToken : ids.token;
      const params = { ...ids, token: token ?? "" };
      const url = contract.path.replace(/\{(\w+)\}/g, (_, k: string) => params[k as keyof typeof params] ?? "");
      const query =
        contract.operationId === "uploadResults"
          ? "?indicator=indicator&location=location&period=period&value=value&dryRun=true"
          : contract.operationId === "uploadEvidence"
            ? `?result=${ids.resultId}&name=matrix.pdf`
            : "";
      const { body, type } = bodyFor(contract.operationId);
      const before = await db().auditEvent.count();
      const response: Response = await handler(
        new Request(`http://localhost${url}${query}`, {
          method: contract.method.toUpperCase(),
          headers: { ...caller.headers, ...(type ? { "content-type": type } : {}) },
          body,
        }),
        { params: Promise.resolve(params) },
      );
      cells++;
      const where = `${contract.method.toUpperCase()} ${contract.path} as ${caller.name}: ${response.status}`;
      expect(response.status, where).toBeLessThan(500);
      // On a donor route the credential is the link in the path, whoever sends it.
      const allowed = need === "share" ? caller.name !== "revoked donor link" : caller.may.has(need);
      if (allowed) {
        expect([401, 403], where).not.toContain(response.status);
      } else {
        if (response.status < 400) unauthorized.push(where);
        expect([401, 403, 404, 410], where).toContain(response.status);
        expect(await db().auditEvent.count(), `${where} changed something`).toBe(before);
      }
    }
  }
  expect(unauthorized).toEqual([]);
  expect(cells).toBe(contracts.length * callers.length);
  console.log(`access matrix: ${cells} cells, ${unauthorized.length} unauthorized successes`);
  // Every route times every caller, one after the other: over 900 requests, longer than one test's default.
}, 180_000);
