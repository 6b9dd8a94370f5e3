import { afterAll, beforeAll, expect, test } from "vitest";
import { ForbiddenError, type UserPrincipal } from "@/lib/domain/permissions";
import { surveyRulesSchema } from "@/lib/domain/survey/rules";
import { db } from "@/lib/platform/db";
import { type FakeServer, fakeKobo, fakeOdk } from "@/lib/testing/fake-survey-servers";
import { type Household, midlineHouseholds } from "@/lib/testing/kobo-workbook";
import { principalFor } from "@/lib/testing/principals";
import { addMidlineSurvey } from "@/lib/testing/survey-setup";
import type { RemoteOptions } from "./remote";
import { createConnection, listConnections, testConnection } from "./service";
import { syncConnection, syncHistory } from "./sync";

let manager: UserPrincipal;
let evaluator: UserPrincipal;
let viewer: UserPrincipal;
let peru: string;
const waits: number[] = [];
const remote: RemoteOptions = {
  fetch: (...args) => fetch(...args),
  sleep: async (ms) => {
    waits.push(ms);
  },
  timeoutMs: 5_000,
  retries: 2,
  backoffMs: 7,
  maxWaitMs: 2_000,
};

const rules = surveyRulesSchema.parse({
  place: "region",
  date: "today",
  statuses: ["approved"],
  disaggregations: [{ dimension: "sex", column: "resp_sex" }],
  indicators: [
    { indicator: "OC1.3", kind: "count", table: "members" },
    { indicator: "G.1", kind: "share", condition: "accessed_service = yes" },
    { indicator: "OC1.2", kind: "mean", question: "integration_score" },
  ],
});

/** A household as KoboToolbox's data endpoint answers it (JSON, the repeat group as a list). */
function koboSubmission(h: Household, n: number) {
  const uid = h.status === "On Hold" ? "validation_status_on_hold" : "validation_status_approved";
  return {
    _id: 1000 + n,
    "formhub/uuid": "0ba4b4c2a6e14fd9a4e1f1b1f0a2e0f3",
    start: `${h.today}T09:00:00.000-05:00`,
    today: h.today,
    "location/region": h.region,
    "respondent/resp_sex": h.sex,
    "protection/accessed_service": h.protection,
    "integration/integration_score": h.integration,
    members_count: String(h.members.length),
    members: h.members.map((sex) => ({ "members/member_sex": sex })),
    __version__: "vSv6mHdpf7x5FjR3nYCq8o",
    "meta/instanceID": `uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    _xform_id_string: "aBXjWbsbJHQcyYLDbmSJ4n",
    _uuid: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    _attachments: [],
    _status: "submitted_via_web",
    _geolocation: [null, null],
    _submission_time: `${h.today}T15:00:00`,
    _tags: [],
    _notes: [],
    _validation_status: {
      timestamp: 1620140400,
      uid,
      by_whom: "evaluator",
      label: uid === "validation_status_approved" ? "Approved" : "On Hold",
    },
    _submitted_by: null,
  };
}

/** The same household as ODK Central's OData feed answers it (groups nested, the repeat expanded). */
function odkSubmission(h: Household, n: number) {
  const id = `uuid:11111111-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return {
    __id: id,
    start: `${h.today}T09:00:00.000-05:00`,
    today: h.today,
    location: { region: h.region },
    respondent: { resp_sex: h.sex },
    protection: { accessed_service: h.protection },
    integration: { integration_score: h.integration },
    members: h.members.map((sex, i) => ({ member_sex: sex, __id: `${id}-m${i}` })),
    meta: { instanceID: id },
    __system: {
      submissionDate: `${h.today}T15:00:00.000Z`,
      updatedAt: null,
      submitterId: "5",
      submitterName: "Alice",
      attachmentsPresent: 0,
      attachmentsExpected: 0,
      status: null,
      reviewState: h.status === "On Hold" ? "hasIssues" : "approved",
      deviceId: null,
      edits: 0,
      formVersion: "2021050401",
    },
  };
}

let kobo: FakeServer;
let koboData: ReturnType<typeof koboSubmission>[];
let koboId: string;

beforeAll(async () => {
  manager = await principalFor("manager@example.org");
  evaluator = await principalFor("evaluator@example.org");
  viewer = await principalFor("viewer@example.org");
  peru = await addMidlineSurvey(db());
  await db().project.update({ where: { id: peru }, data: { surveyRules: rules } });
  koboData = midlineHouseholds.map(koboSubmission);
  kobo = await fakeKobo({
    assetUid: "aBXjWbsbJHQcyYLDbmSJ4n",
    token: "kobo-secret-token",
    name: "Household survey",
    submissions: koboData,
  });
});

afterAll(async () => {
  await kobo?.close();
});

const midlineValues = () =>
  db().result.count({ where: { indicator: { projectId: peru }, round: { name: "Midline survey" } } });

test("only managers add connections; the token is sealed, never listed; test connection reads the form", async () => {
  const input = {
    name: "Household survey",
    kind: "KOBO",
    serverUrl: kobo.url,
    assetUid: "aBXjWbsbJHQcyYLDbmSJ4n",
    token: "kobo-secret-token",
  };
  await expect(createConnection(evaluator, peru, input)).rejects.toBeInstanceOf(ForbiddenError);
  const created = await createConnection(manager, peru, input);
  koboId = created.id;
  const stored = await db().connection.findUniqueOrThrow({ where: { id: koboId } });
  expect(stored.secret).not.toContain("kobo-secret-token");
  const listed = await listConnections(evaluator, peru);
  expect(JSON.stringify(listed)).not.toContain("kobo-secret-token");
  expect(JSON.stringify(listed)).not.toContain(stored.secret);
  await expect(listConnections(viewer, peru)).rejects.toBeInstanceOf(ForbiddenError);
  expect(await testConnection(evaluator, peru, koboId, remote)).toEqual({
    ok: true,
    form: { name: "Household survey", submissions: 4, version: "vSv6mHdpf7x5FjR3nYCq8o" },
  });
});

test("a first sync reads every page and saves the survey's values as drafts; a second one says nothing changed", async () => {
  await expect(syncConnection(viewer, peru, koboId, { trigger: "manual" })).rejects.toBeInstanceOf(ForbiddenError);
  kobo.requests.length = 0;
  const first = await syncConnection(evaluator, peru, koboId, { trigger: "manual", remote, pageSize: 3 });
  expect(first).toMatchObject({ status: "DONE", read: 4, applied: true, error: null });
  expect(kobo.requests.filter((r) => r.pathname.endsWith("/data/")).map((r) => r.searchParams.get("start"))).toEqual([
    "0",
    "3",
  ]);
  const preview = first.preview as {
    values: { indicator: string; place: string; option: string | null; value: number | null }[];
  };
  expect(preview.values.find((v) => v.indicator === "OC1.3" && v.place === "Lima" && !v.option)?.value).toBe(4);
  expect(preview.values.find((v) => v.indicator === "OC1.2" && v.place === "Tumbes" && !v.option)?.value).toBe(5);
  expect(first.changed).toBe(preview.values.length);
  const saved = await midlineValues();
  expect(saved).toBe(first.changed);
  expect(
    await db().result.count({
      where: { indicator: { projectId: peru }, round: { name: "Midline survey" }, status: { not: "DRAFT" } },
    }),
  ).toBe(0);

  kobo.requests.length = 0;
  const again = await syncConnection(evaluator, peru, koboId, { trigger: "manual", remote, pageSize: 3 });
  expect(again).toMatchObject({ status: "DONE", read: 0, changed: 0, applied: false });
  // Asked only for what came after the latest submission seen.
  const query = JSON.parse(kobo.requests.find((r) => r.pathname.endsWith("/data/"))?.searchParams.get("query") ?? "{}");
  expect(query.$or[0]).toEqual({ _submission_time: { $gt: "2021-05-06T15:00:00" } });
  expect(await midlineValues()).toBe(saved);
});

test("an incremental sync picks up a new submission and an edited one; only the values they change", async () => {
  const edited = koboData[1];
  if (!edited) throw new Error("no second household");
  Object.assign(edited, { "integration/integration_score": 5, _last_edited: "2021-05-10T08:00:00" });
  koboData.push(
    koboSubmission(
      { region: "PE-TUM", today: "2021-05-10", sex: "female", protection: "no", integration: 1, members: ["male"] },
      9,
    ),
  );
  const run = await syncConnection(evaluator, peru, koboId, { trigger: "manual", remote });
  expect(run).toMatchObject({ status: "DONE", read: 2, applied: true });
  const values = (
    run.preview as { values: { indicator: string; place: string; option: string | null; value: number | null }[] }
  ).values;
  expect(values.find((v) => v.indicator === "OC1.2" && v.place === "Lima" && !v.option)?.value).toBe(4.5);
  expect(values.find((v) => v.indicator === "OC1.3" && v.place === "Tumbes" && !v.option)?.value).toBe(3);
  // Lima's count of members did not change, so it is not in the preview.
  expect(values.some((v) => v.indicator === "OC1.3" && v.place === "Lima" && !v.option)).toBe(false);
  expect(await db().connectionSubmission.count({ where: { connectionId: koboId } })).toBe(5);
});

test("a sync cut off mid-way resumes at the page it stopped at; nothing is read or applied twice", async () => {
  koboData.push(
    ...[20, 21, 22].map((n) =>
      koboSubmission(
        {
          region: "PE-LIM",
          today: "2021-05-12",
          sex: "male",
          protection: "yes",
          integration: 2,
          members: ["male", "female"],
        },
        n,
      ),
    ),
  );
  kobo.failAtOffset = 2;
  waits.length = 0;
  kobo.requests.length = 0;
  const broken = await syncConnection(evaluator, peru, koboId, { trigger: "manual", remote, pageSize: 2 });
  expect(broken).toMatchObject({ status: "FAILED", error: "busy", read: 2, nextOffset: 2, applied: false });
  expect(waits).toEqual([7, 14]);
  const before = await midlineValues();
  kobo.failAtOffset = null;
  kobo.requests.length = 0;
  const resumed = await syncConnection(evaluator, peru, koboId, { trigger: "manual", remote, pageSize: 2 });
  expect(resumed).toMatchObject({ status: "DONE", read: 1, applied: true });
  expect(kobo.requests.map((r) => r.searchParams.get("start"))).toEqual(["2"]);
  expect(await db().connectionSubmission.count({ where: { connectionId: koboId } })).toBe(8);
  // Lima's members: 3 + 1 (the edited household kept its one) + 3 × 2 new = 10, counted once.
  const lima = await db().result.findFirstOrThrow({
    where: {
      indicator: { code: "OC1.3", projectId: peru },
      round: { name: "Midline survey" },
      location: { name: "Lima" },
      optionId: null,
    },
  });
  expect(lima.value).toBe(10);
  expect(await midlineValues()).toBeGreaterThanOrEqual(before);
});

test("429 with Retry-After and 5xx are waited out; a revoked token marks the connection broken", async () => {
  kobo.fail = [{ status: 429, retryAfter: "1" }, { status: 502 }];
  waits.length = 0;
  const retried = await syncConnection(evaluator, peru, koboId, { trigger: "manual", remote });
  expect(retried).toMatchObject({ status: "DONE", read: 0, changed: 0 });
  expect(waits).toEqual([1000, 14]);

  kobo.fail = [{ status: 401 }];
  const revoked = await syncConnection(evaluator, peru, koboId, { trigger: "manual", remote });
  expect(revoked).toMatchObject({ status: "FAILED", error: "unauthorized" });
  expect(await db().connection.findUniqueOrThrow({ where: { id: koboId } })).toMatchObject({
    status: "BROKEN",
    brokenReason: "unauthorized",
  });
  const history = await syncHistory(evaluator, peru, koboId);
  expect(history[0]).toMatchObject({ error: "unauthorized" });
  // The next sync that works mends it.
  const mended = await syncConnection(evaluator, peru, koboId, { trigger: "manual", remote });
  expect(mended.status).toBe("DONE");
  expect(await db().connection.findUniqueOrThrow({ where: { id: koboId } })).toMatchObject({ status: "OK" });
});

test("ODK Central: a session from e-mail and password, OData pages by nextLink, groups and repeats as the rules read them", async () => {
  const data = midlineHouseholds.map(odkSubmission);
  const odk = await fakeOdk({
    project: 7,
    form: "household_survey",
    email: "me@example.org",
    password: "pw-123456",
    submissions: data,
  });
  try {
    const created = await createConnection(manager, peru, {
      name: "Household survey (Central)",
      kind: "ODK_CENTRAL",
      serverUrl: odk.url,
      odkProject: 7,
      odkForm: "household_survey",
      email: "me@example.org",
      password: "pw-123456",
      submit: true,
    });
    expect(await testConnection(evaluator, peru, created.id, remote)).toMatchObject({
      ok: true,
      form: { submissions: 4 },
    });
    // The Kobo connection's values are there; drafts of the same cells are replaced by these, submitted.
    const run = await syncConnection(evaluator, peru, created.id, { trigger: "manual", remote, pageSize: 3 });
    expect(run).toMatchObject({ status: "DONE", read: 4, applied: true });
    const skips = odk.requests
      .filter((r) => r.pathname.endsWith(".svc/Submissions"))
      .map((r) => r.searchParams.get("$skip"));
    expect(skips).toEqual(["0", "3"]);
    // Each household's members read through its navigation table, not expanded inline.
    expect(odk.requests.some((r) => r.searchParams.has("$expand"))).toBe(false);
    expect(odk.requests.filter((r) => r.pathname.endsWith("/members")).length).toBe(
      data.filter((d) => d.members.length > 0).length,
    );
    expect((run.preview as { statuses: Record<string, number> }).statuses).toMatchObject({ approved: 3, onHold: 1 });
    const tumbes = await db().result.findFirstOrThrow({
      where: {
        indicator: { code: "OC1.3", projectId: peru },
        round: { name: "Midline survey" },
        location: { name: "Tumbes" },
        optionId: null,
      },
    });
    expect(tumbes).toMatchObject({ value: 2, status: "SUBMITTED" });
    data[0] = { ...odkSubmission({ ...midlineHouseholds[0], integration: 1 } as Household, 0) };
    (data[0].__system as { updatedAt: string | null }).updatedAt = "2021-06-01T00:00:00.000Z";
    const edit = await syncConnection(evaluator, peru, created.id, { trigger: "manual", remote });
    expect(edit).toMatchObject({ read: 1 });
    const feeds = odk.requests.filter((r) => r.pathname.endsWith(".svc/Submissions"));
    expect(feeds.at(-1)?.searchParams.get("$filter")).toBe(
      "__system/submissionDate gt 2021-05-06T15:00:00.000Z or __system/updatedAt gt 2021-05-06T15:00:00.000Z",
    );
  } finally {
    await odk.close();
  }
});
