// POST /api/v1/connections/{connectionId}/kobo-submissions[/{secret}] as KoboToolbox's REST Service sends
// a submission: the secret checked (path or header), bad bodies and oversized ones refused with a
// problem, a good one kept and the project's survey rules applied (in the request on PGlite, by the job
// queue on PostgreSQL), a repeated post counted once.
import { beforeAll, expect, test, vi } from "vitest";
import { POST as postWithPath } from "@/app/api/v1/connections/[connectionId]/kobo-submissions/[secret]/route";
import { POST as postWithHeader } from "@/app/api/v1/connections/[connectionId]/kobo-submissions/route";
import { ForbiddenError, type UserPrincipal } from "@/lib/domain/permissions";
import { surveyRulesSchema } from "@/lib/domain/survey/rules";
import { db } from "@/lib/platform/db";
import { enablePush } from "@/lib/server/connections/push";
import { createConnection } from "@/lib/server/connections/service";
import { principalFor } from "@/lib/testing/principals";
import { addMidlineSurvey } from "@/lib/testing/survey-setup";

let manager: UserPrincipal;
let peru: string;
let connectionId: string;
let secret: string;

beforeAll(async () => {
  manager = await principalFor("manager@example.org");
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
  const created = await createConnection(manager, peru, {
    name: "Pushed households",
    kind: "KOBO",
    serverUrl: "https://kf.kobotoolbox.org",
    assetUid: "aPushPushPush",
    token: "unused-token",
  });
  connectionId = created.id;
});

/** A submission as a KoboToolbox REST Service (JSON) posts it. */
const submission = (id: number, members: number) => ({
  _id: id,
  _uuid: `9d7b5c1e-0000-4000-8000-${String(id).padStart(12, "0")}`,
  "formhub/uuid": "0ba4b4c2a6e14fd9a4e1f1b1f0a2e0f3",
  today: "2021-05-07",
  "location/region": "PE-LIM",
  members: Array.from({ length: members }, () => ({ "members/member_sex": "female" })),
  __version__: "vSv6mHdpf7x5FjR3nYCq8o",
  "meta/instanceID": `uuid:9d7b5c1e-0000-4000-8000-${String(id).padStart(12, "0")}`,
  _xform_id_string: "aPushPushPush",
  _attachments: [],
  _status: "submitted_via_web",
  _geolocation: [null, null],
  _submission_time: "2021-05-07T16:00:00",
  _tags: [],
  _notes: [],
  _validation_status: {},
  _submitted_by: null,
});

function post(body: string, options: { secret?: string; inPath?: boolean; type?: string } = {}) {
  const given = options.secret ?? secret;
  const url = `http://localhost/api/v1/connections/${connectionId}/kobo-submissions${options.inPath ? `/${given}` : ""}`;
  const request = new Request(url, {
    method: "POST",
    headers: {
      "content-type": options.type ?? "application/json",
      ...(options.inPath ? {} : { "x-connection-secret": given }),
    },
    body,
  });
  return options.inPath
    ? postWithPath(request, { params: Promise.resolve({ connectionId, secret: given }) })
    : postWithHeader(request, { params: Promise.resolve({ connectionId }) });
}

async function applied(syncId: string) {
  await vi.waitFor(
    async () => {
      const run = await db().connectionSync.findUniqueOrThrow({ where: { id: syncId } });
      if (run.status === "RUNNING") throw new Error("still queued");
    },
    { timeout: 15_000, interval: 100 },
  );
  return db().connectionSync.findUniqueOrThrow({ where: { id: syncId } });
}

test("only a manager turns push-in on; without it, or with a wrong secret, a post is refused and nothing kept", async () => {
  const evaluator = await principalFor("evaluator@example.org");
  await expect(enablePush(evaluator, peru, connectionId)).rejects.toBeInstanceOf(ForbiddenError);
  const before = await post(JSON.stringify(submission(1, 2)), { secret: "anything" });
  expect(before.status).toBe(401);
  secret = await enablePush(manager, peru, connectionId);
  const stored = await db().connection.findUniqueOrThrow({ where: { id: connectionId } });
  expect(stored.pushSecretHash).not.toContain(secret);
  for (const wrong of [`${secret}x`, "", secret.slice(0, -1)]) {
    const response = await post(JSON.stringify(submission(1, 2)), { secret: wrong });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  }
  expect(await db().connectionSubmission.count({ where: { connectionId } })).toBe(0);
});

test("bad bodies are refused with a problem naming what is wrong; an oversized one with a 413", async () => {
  const notJson = await post("{not json");
  expect(notJson.status).toBe(400);
  expect(await notJson.json()).toMatchObject({ code: "validation", errors: [{ field: "body", message: "notJson" }] });
  const noId = await post(JSON.stringify({ today: "2021-05-07" }));
  expect(noId.status).toBe(400);
  expect((await noId.json()).errors[0].field).toBe("body._id");
  const form = await post("_id=1", { type: "application/x-www-form-urlencoded" });
  expect(form.status).toBe(400);
  const huge = await post(JSON.stringify({ ...submission(2, 1), padding: "x".repeat(1024 * 1024) }));
  expect(huge.status).toBe(413);
  expect(await db().connectionSubmission.count({ where: { connectionId } })).toBe(0);
});

test("a post is kept and applied like a sync; the same post again counts once; the secret may be in the path", async () => {
  const first = await post(JSON.stringify(submission(1, 2)));
  expect(first.status).toBe(200);
  const answer = await first.json();
  // Queued for the job queue on PostgreSQL, applied in the request on PGlite.
  expect(answer.queued).toBe(process.env.TEST_DATABASE === "postgres");
  const run = await applied(answer.syncId);
  expect(run).toMatchObject({ status: "DONE", trigger: "push", read: 1, applied: true });
  const count = () =>
    db().result.findFirstOrThrow({
      where: {
        indicator: { code: "OC1.3", projectId: peru },
        round: { name: "Midline survey" },
        location: { name: "Lima" },
        optionId: null,
      },
    });
  expect((await count()).value).toBe(2);
  const again = await post(JSON.stringify(submission(1, 2)), { inPath: true });
  expect(again.status).toBe(200);
  expect(await applied((await again.json()).syncId)).toMatchObject({ status: "DONE", read: 0, changed: 0 });
  const second = await post(JSON.stringify(submission(2, 3)), { inPath: true });
  expect(await applied((await second.json()).syncId)).toMatchObject({ status: "DONE", read: 1, applied: true });
  expect((await count()).value).toBe(5);
});

test("a push-in never moves the mark the next pull asks from, and waits while a sync holds the connection", async () => {
  const before = await db().connection.findUniqueOrThrow({ where: { id: connectionId } });
  // A sync holds the connection: the pushed submission is applied only once it lets go.
  await db().connection.update({ where: { id: connectionId }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
  let released = false;
  setTimeout(() => {
    released = true;
    // (A Prisma query runs only once something awaits it.)
    db()
      .connection.update({ where: { id: connectionId }, data: { lockedUntil: null } })
      .then(() => undefined);
  }, 1_500);
  const answer = await post(JSON.stringify({ ...submission(3, 1), _submission_time: "2031-01-01T00:00:00" }));
  const run = await applied((await answer.json()).syncId);
  expect(released).toBe(true);
  expect(run).toMatchObject({ status: "DONE", read: 1 });
  const after = await db().connection.findUniqueOrThrow({ where: { id: connectionId } });
  expect(after.lastSeenAt).toEqual(before.lastSeenAt);
  expect(after.lockedUntil).toBeNull();
});
