// The studies API: filing a study, reading it and searching, permission-checked like the pages.
import { expect, test } from "vitest";
import * as shared from "@/app/api/v1/shared/[token]/studies/route";
import * as one from "@/app/api/v1/studies/[studyId]/route";
import * as list from "@/app/api/v1/studies/route";
import { createShareLink } from "@/lib/server/share-links/service";
import { apiTokenFor, principalFor, projectId } from "@/lib/testing/principals";

const call = async (
  handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
  token: string,
  init: { method?: string; body?: unknown; params?: Record<string, string> } = {},
) => {
  const response = await handler(
    new Request(`http://localhost${url}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );
  return { status: response.status, body: await response.json() };
};

test("a manager files a study through the API; members read and find it, others do not; bad input is named", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await apiTokenFor("manager@example.org");
  const viewer = await apiTokenFor("viewer@example.org");
  const refused = await call(list.POST, "/api/v1/studies", manager, {
    method: "POST",
    body: { typeKey: "nope", texts: [{ language: "es", title: "Línea de base de Ñuñoa" }], projectIds: [peru] },
  });
  expect(refused.status).toBe(400);
  expect(refused.body.errors).toEqual([{ field: "body.typeKey", message: "unknown" }]);
  const filed = await call(list.POST, "/api/v1/studies", manager, {
    method: "POST",
    body: {
      typeKey: "baseline",
      texts: [{ language: "es", title: "Línea de base de Ñuñoa", abstract: "Encuestas a hogares." }],
      projectIds: [peru],
      publishedOn: "2020-12-01",
    },
  });
  expect(filed.status).toBe(200);
  expect(filed.body).toMatchObject({ type: { key: "baseline" }, publishedOn: "2020-12-01", canEdit: true });
  const read = await call(one.GET, `/api/v1/studies/${filed.body.id}`, viewer, { params: { studyId: filed.body.id } });
  expect(read.status).toBe(200);
  expect(read.body.canEdit).toBe(false);
  const found = await call(list.GET, "/api/v1/studies?q=nunoa&type=baseline&year=2020", viewer);
  expect(found.body.studies.map((s: { id: string }) => s.id)).toEqual([filed.body.id]);
  expect(found.body.total).toBe(1);
  // `limit` cuts the page, never the total (the viewer's readable studies, all of them listed at 200).
  const all = await call(list.GET, "/api/v1/studies?limit=200", viewer);
  expect(all.body.total).toBe(all.body.studies.length);
  expect(all.body.total).toBeGreaterThan(1);
  const one1 = await call(list.GET, "/api/v1/studies?limit=1", viewer);
  expect(one1.body.studies.length).toBe(1);
  expect(one1.body.total).toBe(all.body.total);
  for (const bad of ["0", "201", "x"])
    expect((await call(list.GET, `/api/v1/studies?limit=${bad}`, viewer)).status, bad).toBe(400);
  // The viewer may read it but not file one for the project.
  const notAllowed = await call(list.POST, "/api/v1/studies", viewer, {
    method: "POST",
    body: { typeKey: "baseline", texts: [{ language: "en", title: "X" }], projectIds: [peru] },
  });
  expect(notAllowed.status).toBe(403);
  // A member of another project only: as if it did not exist, and not listed.
  const admin = await apiTokenFor("admin@example.org");
  const outsiderMade = await call(list.POST, "/api/v1/studies", admin, {
    method: "POST",
    body: { typeKey: "baseline", texts: [{ language: "en", title: "Admin only" }] },
  });
  const hidden = await call(one.GET, `/api/v1/studies/${outsiderMade.body.id}`, viewer, {
    params: { studyId: outsiderMade.body.id },
  });
  expect(hidden.status).toBe(404);
});

test("a donor link lists exactly its project's studies shared with donors or public", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await apiTokenFor("manager@example.org");
  const titles: Record<string, string> = {};
  for (const visibility of ["INTERNAL", "DONORS", "PUBLIC"]) {
    const made = await call(list.POST, "/api/v1/studies", manager, {
      method: "POST",
      body: {
        typeKey: "midline",
        texts: [{ language: "en", title: `Link ${visibility}` }],
        projectIds: [peru],
        visibility,
      },
    });
    titles[made.body.id] = `Link ${visibility}`;
  }
  const link = await createShareLink(await principalFor("manager@example.org"), peru, {
    label: "Studies API",
    expiresAt: null,
    options: {} as never,
  });
  const seen = await call(shared.GET, `/api/v1/shared/${link.token}/studies`, "", { params: { token: link.token } });
  expect(seen.status).toBe(200);
  const mine = seen.body.studies
    .map((s: { id: string }) => titles[s.id])
    .filter(Boolean)
    .sort();
  expect(mine).toEqual(["Link DONORS", "Link PUBLIC"]);
});
