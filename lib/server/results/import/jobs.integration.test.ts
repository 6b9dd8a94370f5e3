import { afterAll, expect, test } from "vitest";
import { GET as progressOf } from "@/app/api/v1/projects/[projectId]/results/upload/[progressId]/route";
import { POST as upload } from "@/app/api/v1/projects/[projectId]/results/upload/route";
import { db } from "@/lib/platform/db";
import { jobQueue, stopJobQueue } from "@/lib/platform/jobs/queue";
import { apiTokenFor, principalFor, projectId } from "@/lib/testing/principals";
import { progressReporter } from "./progress";

// Background imports run on PostgreSQL's job queue (pg-boss, a real worker in this process); the
// embedded database has none, and the same request imports in place.
const queued = process.env.TEST_DATABASE === "postgres";

afterAll(() => stopJobQueue());

const mapping = "indicator=code&location=place&period=quarter&value=n";

function send(token: string, project: string, csv: string, query: string) {
  return upload(
    new Request(`http://localhost/api/v1/projects/${project}/results/upload?${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: csv,
    }),
    { params: Promise.resolve({ projectId: project }) },
  );
}

/** The import's answer, as the page waits for it: its progress, asked for until it holds the outcome. */
async function outcomeOf(token: string, project: string, progressId: string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const response = await progressOf(
      new Request(`http://localhost/api/v1/projects/${project}/results/upload/${progressId}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ projectId: project, progressId }) },
    );
    const progress = await response.json();
    if (progress.outcome)
      return progress as { phase: string; rows: number; outcome: { status: number; body: { errors?: unknown } } };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The background import gave no answer in 20 s");
}

/** The answer to an upload with background=true: the job's outcome where there is a queue, else the answer. */
async function importInBackground(token: string, project: string, csv: string, query: string) {
  const response = await send(token, project, csv, `${query}&background=true`);
  if (!queued) return { status: response.status, body: await response.json() };
  expect(response.status).toBe(202);
  const { progressId } = await response.json();
  expect(response.headers.get("location")).toBe(`/api/v1/projects/${project}/results/upload/${progressId}`);
  return (await outcomeOf(token, project, progressId)).outcome;
}

test("a background import saves what the same import in the request saves, all or nothing, and keeps no file", async () => {
  const peru = await projectId("PE-VEN-2021");
  const token = await apiTokenFor("evaluator@example.org");
  const csv = "code;place;quarter;n\nOP1.1.2;PE-LAL;2021-Q4;2\nOP1.1.2;PE-LAL;2021-Q4;5\n";

  const preview = await importInBackground(token, peru, csv, `${mapping}&dryRun=true`);
  expect(preview).toMatchObject({ status: 200, body: { rows: 2, values: 1, imported: false } });
  const done = await importInBackground(token, peru, csv, mapping);
  expect(done).toMatchObject({ status: 200, body: { values: 1, imported: true } });
  const saved = await db().result.findFirstOrThrow({
    where: {
      indicator: { projectId: peru, code: "OP1.1.2" },
      location: { isoCode: "PE-LAL" },
      period: { label: "2021-Q4" },
    },
  });
  expect(saved).toMatchObject({ value: 7, status: "DRAFT" });

  // A file with a problem changes nothing, and its answer names the row and column.
  const before = await db().result.count();
  const bad = await importInBackground(
    token,
    peru,
    "code;place;quarter;n\nOP1.1.2;PE-PIU;2021-Q4;4\nOP1.1.2;Atlantis;2021-Q4;1\n",
    mapping,
  );
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toEqual([{ field: "row 3, place", message: "unknown" }]);
  expect(await db().result.count()).toBe(before);
  // Each file is deleted once its job ran.
  expect(await db().importUpload.count()).toBe(0);
});

test.runIf(queued)(
  "a queued import answers 202 at once; who may not import is refused before anything is kept",
  async () => {
    const peru = await projectId("PE-VEN-2021");
    const viewer = await send(
      await apiTokenFor("viewer@example.org"),
      peru,
      "code;place;quarter;n\n",
      `${mapping}&background=true`,
    );
    expect(viewer.status).toBe(403);
    expect(await db().importUpload.count()).toBe(0);

    // A progress id given by the caller is the job's; it cannot be queued twice.
    const token = await apiTokenFor("evaluator@example.org");
    const id = crypto.randomUUID();
    const csv = "code;place;quarter;n\nOP1.1.2;PE-PIU;2021-Q4;4\n";
    const first = await send(token, peru, csv, `${mapping}&dryRun=true&background=true&progress=${id}`);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ queued: true, progressId: id });
    const outcome = await outcomeOf(token, peru, id);
    expect(outcome).toMatchObject({ phase: "done", rows: 1, outcome: { status: 200, body: { values: 1 } } });
    // Only those who may import in the project read the answer.
    const viewerRead = await progressOf(
      new Request(`http://localhost/api/v1/projects/${peru}/results/upload/${id}`, {
        headers: { authorization: `Bearer ${await apiTokenFor("viewer@example.org")}` },
      }),
      { params: Promise.resolve({ projectId: peru, progressId: id }) },
    );
    expect(viewerRead.status).toBe(403);
  },
);

test.runIf(queued)(
  "an import whose job ended without an answer (its server stopped mid-way) is reported failed",
  async () => {
    const peru = await projectId("PE-VEN-2021");
    const token = await apiTokenFor("evaluator@example.org");
    const id = crypto.randomUUID();
    await progressReporter(await principalFor("evaluator@example.org"), peru, id, 100, "queued");
    // A job that will not run before it is ended, as one whose process stopped ends when it expires.
    const boss = await jobQueue();
    await boss?.send("results-import", { uploadId: id }, { id, startAfter: 3600 });
    const waiting = await progressOf(
      new Request(`http://localhost/api/v1/projects/${peru}/results/upload/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ projectId: peru, progressId: id }) },
    );
    expect(await waiting.json()).toMatchObject({ phase: "queued", outcome: null });
    await boss?.cancel("results-import", id);
    expect(await outcomeOf(token, peru, id)).toMatchObject({
      phase: "failed",
      outcome: {
        status: 500,
        body: {
          detail: "The server stopped while importing: nothing was saved. Send the file again.",
          errors: [{ field: "job", message: "interrupted" }],
        },
      },
    });
  },
);
