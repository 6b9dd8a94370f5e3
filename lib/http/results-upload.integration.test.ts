import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { POST as saveResults } from "@/app/api/v1/projects/[projectId]/results/route";
import { GET as progressOf } from "@/app/api/v1/projects/[projectId]/results/upload/[progressId]/route";
import { POST as upload } from "@/app/api/v1/projects/[projectId]/results/upload/route";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { apiTokenFor, projectId } from "@/lib/testing/principals";

const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The CSV as a stream of small chunks, as a slow upload arrives. */
function streamOf(data: string | Uint8Array) {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 7));
      at += 7;
    },
  });
}

async function send(
  token: string,
  peru: string,
  csv: string | Uint8Array,
  query: string,
  type = "text/csv",
  extra: Record<string, string> = {},
) {
  const request = new Request(`http://localhost/api/v1/projects/${peru}/results/upload?${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": type, ...extra },
    body: streamOf(csv),
    duplex: "half",
  } as RequestInit);
  return upload(request, { params: Promise.resolve({ projectId: peru }) });
}

test("a file streamed as the request body is imported with the mapping from the query", async () => {
  const peru = await projectId("PE-VEN-2021");
  const token = await apiTokenFor("evaluator@example.org");
  const csv = "code;place;quarter;n\nOP1.1.2;PE-LAL;2021-Q4;2\nOP1.1.2;PE-LAL;2021-Q4;1\n";
  const query = "indicator=code&location=place&period=quarter&value=n";

  const form = await send(token, peru, csv, query, "application/x-www-form-urlencoded");
  expect(form.status).toBe(400);
  const noMapping = await send(token, peru, csv, "indicator=code");
  expect((await noMapping.json()).errors).toContainEqual({
    field: "query.location",
    message: "required",
  });

  const preview = await send(token, peru, csv, `${query}&dryRun=true`);
  expect(await preview.json()).toMatchObject({ rows: 2, values: 1, imported: false });
  const done = await send(token, peru, csv, query);
  expect(await done.json()).toMatchObject({ values: 1, imported: true });
  const saved = await db().result.findFirstOrThrow({
    where: {
      indicator: { projectId: peru, code: "OP1.1.2" },
      location: { isoCode: "PE-LAL" },
      period: { label: "2021-Q4" },
    },
  });
  expect(saved).toMatchObject({ value: 3, status: "DRAFT" });

  const bad = await send(token, peru, "code;place;quarter;n\nOP1.1.2;Atlantis;2021-Q4;1\n", query);
  expect(bad.status).toBe(400);
  expect((await bad.json()).errors).toEqual([{ field: "row 2, place", message: "unknown" }]);
});

test("numbers are read as the file writes them; what only a convention could settle is refused; a refusal saves no mapping", async () => {
  const peru = await projectId("PE-VEN-2021");
  const token = await apiTokenFor("evaluator@example.org");
  const mappingBefore = (await db().project.findUniqueOrThrow({ where: { id: peru } })).resultImportMapping;
  const csv = "code;place;quarter;n\nOP1.1.2;PE-PIU;2021-Q4;1.200\n";
  const query = "indicator=code&location=place&period=quarter&value=n";
  const unknown = await send(token, peru, csv, `${query}&dryRun=true`);
  expect(unknown.status).toBe(400);
  expect((await unknown.json()).errors).toEqual([{ field: "row 2, n", message: "ambiguous" }]);
  const spanish = await send(token, peru, csv, `${query}&numbers=es&dryRun=true`);
  expect(spanish.status).toBe(400);
  expect((await db().project.findUniqueOrThrow({ where: { id: peru } })).resultImportMapping).toEqual(mappingBefore);
  const english = await send(
    token,
    peru,
    "code;place;quarter;n\nOP1.1.2;PE-PIU;2021-Q4;1,200\n",
    `${query}&numbers=en`,
  );
  expect(await english.json()).toMatchObject({ values: 1, imported: true });
  const saved = await db().result.findFirstOrThrow({
    where: {
      indicator: { projectId: peru, code: "OP1.1.2" },
      location: { isoCode: "PE-PIU" },
      period: { label: "2021-Q4" },
    },
  });
  expect(saved.value).toBe(1200);
  const mappingAfter = (await db().project.findUniqueOrThrow({ where: { id: peru } })).resultImportMapping;
  expect(mappingAfter).toMatchObject({ numbers: "en", value: "n" });
  expect(mappingAfter).not.toEqual(mappingBefore);
});

test("bad files and bad text are refused by name, never a 500, and change nothing", async () => {
  const peru = await projectId("PE-VEN-2021");
  const token = await apiTokenFor("evaluator@example.org");
  const before = await db().result.count();
  const query = "indicator=code&location=place&period=quarter&value=n&note=note";
  const garbage = await send(
    token,
    peru,
    "PK\u0003\u0004 not really a zip",
    query,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  expect(garbage.status).toBe(400);
  expect((await garbage.json()).errors).toEqual([{ field: "body", message: "unreadable" }]);
  const nul = await send(token, peru, "code;place;quarter;n;note\nOP1.1.2;PE-LAL;2021-Q4;2;bad\u0000note\n", query);
  expect(nul.status).toBe(400);
  expect((await nul.json()).errors).toEqual([{ field: "row 2, note", message: "invalidCharacters" }]);
  const badHeader = await send(token, peru, "code;place;quarter;n;no\u0000te\nOP1.1.2;PE-LAL;2021-Q4;2;x\n", query);
  expect(badHeader.status).toBe(400);
  // A Windows-1252 file ("Cañete" with ñ as one byte), past a first valid row: refused, nothing kept.
  const latin1 = new Uint8Array(
    Buffer.from("code;place;quarter;n;note\nOP1.1.2;PE-LAL;2021-Q4;2;ok\nOP1.1.2;PE-LAL;2021-Q3;2;Cañete\n", "latin1"),
  );
  const notUtf8 = await send(token, peru, latin1, query);
  expect(notUtf8.status).toBe(400);
  expect((await notUtf8.json()).errors).toEqual([{ field: "body", message: "notUtf8" }]);
  expect(await db().result.count()).toBe(before);
});

test("a workbook that unpacks past MAX_UNZIPPED_BYTES (a zip bomb) is refused by name before it is read", async () => {
  const peru = await projectId("PE-VEN-2021");
  const token = await apiTokenFor("evaluator@example.org");
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Results").addRows([
    ["code", "place", "quarter", "n"],
    ["OP1.1.2", "PE-LAL", "2021-Q4", "A".repeat(3 * 1024 * 1024)],
  ]);
  const bomb = new Uint8Array(await book.xlsx.writeBuffer());
  process.env.MAX_UNZIPPED_BYTES = String(1024 * 1024);
  reloadEnv();
  try {
    const before = await db().result.count();
    const response = await send(token, peru, bomb, "indicator=code&location=place&period=quarter&value=n", xlsx);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ field: "body", message: "tooLargeUnzipped" }]);
    expect(await db().result.count()).toBe(before);
  } finally {
    delete process.env.MAX_UNZIPPED_BYTES;
    reloadEnv();
  }
});

test("bodies past their size limit are refused with a 413 problem, read no further, and change nothing", async () => {
  const peru = await projectId("PE-VEN-2021");
  const token = await apiTokenFor("evaluator@example.org");
  process.env.MAX_UPLOAD_BYTES = "2000";
  process.env.MAX_JSON_BYTES = "2000";
  reloadEnv();
  try {
    const before = await db().result.count();
    const big = `code;place;quarter;n\n${"OP1.1.2;PE-LAL;2021-Q4;1\n".repeat(200)}`;
    const csv = await send(token, peru, big, "indicator=code&location=place&period=quarter&value=n");
    expect(csv.status).toBe(413);
    expect(csv.headers.get("content-type")).toBe("application/problem+json");
    const xlsx = await send(
      token,
      peru,
      `PK\u0003\u0004${"x".repeat(5000)}`,
      "indicator=code&location=place&period=quarter&value=n",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.status).toBe(413);
    const json = await saveJson(token, peru, JSON.stringify({ items: [], submit: false, padding: "x".repeat(5000) }));
    expect(json.status).toBe(413);
    expect(await db().result.count()).toBe(before);
  } finally {
    delete process.env.MAX_UPLOAD_BYTES;
    delete process.env.MAX_JSON_BYTES;
    reloadEnv();
  }
});

test("a body that ends before its declared length (cut short on the way) is refused, not imported as a shorter file", async () => {
  const peru = await projectId("PE-VEN-2021");
  const token = await apiTokenFor("evaluator@example.org");
  const before = await db().result.count();
  // The whole file would be two rows; what arrived is the first, and a buffer in front declared the rest.
  const arrived = "code;place;quarter;n\nOP1.1.2;PE-LAL;2021-Q4;2\n";
  const response = await send(
    token,
    peru,
    arrived,
    "indicator=code&location=place&period=quarter&value=n&dryRun=false",
    "text/csv",
    {
      "content-length": String(arrived.length + 27),
    },
  );
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ errors: [{ field: "body", message: "truncated" }] });
  expect(await db().result.count()).toBe(before);
});

function saveJson(token: string, peru: string, body: string) {
  return saveResults(
    new Request(`http://localhost/api/v1/projects/${peru}/results`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: streamOf(body),
      duplex: "half",
    } as RequestInit),
    { params: Promise.resolve({ projectId: peru }) },
  );
}

test("an upload's progress can be followed by its id while it runs, by those who may import in the project", async () => {
  const peru = await projectId("PE-VEN-2021");
  const token = await apiTokenFor("evaluator@example.org");
  const rows = Array.from({ length: 3000 }, (_, i) => `OP1.1.2;PE-LAL;2021-Q4;${i % 3}`);
  const csv = `code;place;quarter;n\n${rows.join("\n")}\n`;
  const size = new TextEncoder().encode(csv).length;
  const id = "6f1c2b7e-8d4a-4c1e-9b2a-3e5f7a9c0d11";
  const read = (who: string, project = peru, progressId = id) =>
    progressOf(
      new Request(`http://localhost/api/v1/projects/${project}/results/upload/${progressId}`, {
        headers: { authorization: `Bearer ${who}` },
      }),
      { params: Promise.resolve({ projectId: project, progressId }) },
    );

  const query = `indicator=code&location=place&period=quarter&value=n&dryRun=true&progress=${id}`;
  const running = send(token, peru, csv, query, "text/csv", { "content-length": String(size) });
  const seen: { phase: string; rows: number; bytesRead: number }[] = [];
  let answered = false;
  void running.finally(() => {
    answered = true;
  });
  while (!answered) {
    const response = await read(token);
    if (response.status === 200) seen.push(await response.json());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect((await running).status).toBe(200);
  const final = await (await read(token)).json();
  expect(seen.length).toBeGreaterThan(0);
  expect(final).toMatchObject({ phase: "done", rows: 3000, bytesRead: size, bytesTotal: size });
  // What was seen on the way only moved forward.
  const order = ["reading", "checking", "writing", "done"];
  for (const [i, s] of seen.entries()) {
    const previous = seen[i - 1];
    if (!previous) continue;
    expect(order.indexOf(s.phase)).toBeGreaterThanOrEqual(order.indexOf(previous.phase));
    expect(s.rows).toBeGreaterThanOrEqual(previous.rows);
    expect(s.bytesRead).toBeGreaterThanOrEqual(previous.bytesRead);
  }
  // Someone who may not import in the project cannot read it; an unknown id is not found.
  expect((await read(await apiTokenFor("viewer@example.org"))).status).toBe(403);
  expect((await read(token, peru, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  // An id already used: the import still runs, without a progress of its own.
  const again = await send(token, peru, csv, query);
  expect(again.status).toBe(200);
  expect((await (await read(token)).json()).rows).toBe(3000);
});
