// The library API (#34): the list a page at a time, one indicator with the caller's projects that report
// it, its roll-up within the caller's scope, adding one, and linking a project's indicator (each problem
// named, nothing written).
import { expect, test } from "vitest";
import * as rollup from "@/app/api/v1/library/indicators/[libraryId]/rollup/route";
import * as one from "@/app/api/v1/library/indicators/[libraryId]/route";
import * as list from "@/app/api/v1/library/indicators/route";
import * as link from "@/app/api/v1/projects/[projectId]/indicators/[indicatorId]/library-link/route";
import { db } from "@/lib/platform/db";
import { createShareLink } from "@/lib/server/share-links/service";
import { apiTokenFor, principalFor, projectId } from "@/lib/testing/principals";

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

const call = async (
  handler: Handler,
  url: string,
  token: string | null,
  init: { method?: string; body?: unknown; params?: Record<string, string> } = {},
) => {
  const response = await handler(
    new Request(`http://localhost${url}`, {
      method: init.method ?? "GET",
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        "content-type": "application/json",
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );
  return { status: response.status, body: await response.json() };
};

const reach = () => db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });

test("the library is listed a page at a time, archived indicators only when asked for", async () => {
  const viewer = await apiTokenFor("viewer@example.org");
  const all = await call(list.GET, "/api/v1/library/indicators", viewer);
  expect(all.status).toBe(200);
  const codes = all.body.indicators.map((i: { code: string }) => i.code);
  expect(codes).toEqual(expect.arrayContaining(["ORG-REACH", "ORG-PROTECTION", "ORG-GBV-REFERRED"]));
  // The viewer opens the Peru project only: one project reports ORG-REACH for them.
  expect(all.body.indicators.find((i: { code: string }) => i.code === "ORG-REACH")).toMatchObject({
    measure: "COUNT",
    dimensionKeys: ["sex"],
    rollupRule: "SUM",
    archived: false,
    projectCount: 1,
  });
  const pages: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { indicators: { id: string }[]; nextCursor: string | null } } = await call(
      list.GET,
      `/api/v1/library/indicators?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      viewer,
    );
    expect(page.body.indicators.length).toBeLessThanOrEqual(1);
    pages.push(...page.body.indicators.map((i) => i.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(pages).toEqual(all.body.indicators.map((i: { id: string }) => i.id));

  const gbv = await db().libraryIndicator.update({
    where: { code: "ORG-GBV-REFERRED" },
    data: { archivedAt: new Date() },
  });
  const live = await call(list.GET, "/api/v1/library/indicators", viewer);
  expect(live.body.indicators.map((i: { id: string }) => i.id)).not.toContain(gbv.id);
  const withArchived = await call(list.GET, "/api/v1/library/indicators?archived=true", viewer);
  expect(withArchived.body.indicators.find((i: { id: string }) => i.id === gbv.id)).toMatchObject({ archived: true });
  await db().libraryIndicator.update({ where: { id: gbv.id }, data: { archivedAt: null } });

  expect((await call(list.GET, "/api/v1/library/indicators?limit=0", viewer)).status).toBe(400);
  expect((await call(list.GET, "/api/v1/library/indicators", null)).status).toBe(401);
  // A donor link's token is not an API token.
  const share = await createShareLink(await principalFor("manager@example.org"), await projectId("PE-VEN-2021"), {
    label: "Library API",
    expiresAt: null,
    options: {} as never,
  });
  expect((await call(list.GET, "/api/v1/library/indicators", share.token)).status).toBe(401);
});

test("a library indicator and its roll-up show the caller's projects only", async () => {
  const { id } = await reach();
  const admin = await apiTokenFor("admin@example.org");
  const viewer = await apiTokenFor("viewer@example.org");
  const params = { libraryId: id };
  const adminView = await call(one.GET, `/api/v1/library/indicators/${id}`, admin, { params });
  expect(adminView.status).toBe(200);
  expect(adminView.body.projects.map((p: { project: { code: string } }) => p.project.code).sort()).toEqual([
    "PE-VEN-2021",
    "SA-HIV-MOB",
    "WB-ROMA-W",
  ]);
  const viewerView = await call(one.GET, `/api/v1/library/indicators/${id}`, viewer, { params });
  expect(viewerView.body.projectCount).toBe(1);
  expect(viewerView.body.projects).toHaveLength(1);
  expect(viewerView.body.projects[0]).toMatchObject({
    project: { code: "PE-VEN-2021" },
    indicator: { code: "OP1.1.1" },
    options: expect.arrayContaining([expect.objectContaining({ dimensionKey: "sex", optionKey: "female" })]),
  });

  const byCountry = await call(rollup.GET, `/api/v1/library/indicators/${id}/rollup?by=country`, admin, { params });
  expect(byCountry.status).toBe(200);
  expect(byCountry.body.projects).toHaveLength(3);
  const peru = byCountry.body.figures.find((f: { key: string }) => f.key === "PE");
  expect(peru).toMatchObject({ name: "Peru", actual: { value: 5070 } });
  const viewers = await call(rollup.GET, `/api/v1/library/indicators/${id}/rollup`, viewer, { params });
  expect(viewers.body.by).toBe("country");
  expect(viewers.body.projects.map((p: { code: string }) => p.code)).toEqual(["PE-VEN-2021"]);
  expect(viewers.body.figures.map((f: { key: string }) => f.key)).toEqual(["PE"]);
  expect(viewers.body.figures[0].actual).toEqual(peru.actual);
  expect(viewers.body.figures[0].contributions.map((c: { code: string }) => c.code)).toEqual(["PE-VEN-2021"]);
  const total = await call(rollup.GET, `/api/v1/library/indicators/${id}/rollup?by=total`, viewer, { params });
  expect(total.body.figures).toHaveLength(1);
  expect(total.body.figures[0].actual.value).toBe(5070);
  const bad = await call(rollup.GET, `/api/v1/library/indicators/${id}/rollup?by=planet`, viewer, { params });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe("query.by");
  const missing = { libraryId: "no-such-indicator" };
  expect((await call(one.GET, "/api/v1/library/indicators/x", viewer, { params: missing })).status).toBe(404);
  expect((await call(rollup.GET, "/api/v1/library/indicators/x/rollup", viewer, { params: missing })).status).toBe(404);
});

test("admins and M&E leads add to the library through the API; a manager may not", async () => {
  const body = {
    code: "API-WATER",
    nameEn: "Households with water",
    nameEs: "Hogares con agua",
    measure: "PERCENTAGE",
  };
  const manager = await apiTokenFor("manager@example.org");
  const refused = await call(list.POST, "/api/v1/library/indicators", manager, { method: "POST", body });
  expect(refused.status).toBe(403);
  const admin = await apiTokenFor("admin@example.org");
  const created = await call(list.POST, "/api/v1/library/indicators", admin, { method: "POST", body });
  expect(created.status).toBe(200);
  expect(created.body).toMatchObject({ code: "API-WATER", rollupRule: "RATIO", archived: false, projectCount: 0 });
  const again = await call(list.POST, "/api/v1/library/indicators", admin, {
    method: "POST",
    body: { ...body, rollupRule: "SUM" },
  });
  expect(again.status).toBe(400);
  expect(again.body.errors.map((e: { field: string; message: string }) => `${e.field}:${e.message}`)).toEqual([
    "body.rollupRule:ruleNotForMeasure",
    "body.code:codeTaken",
  ]);
});

test("a manager links and unlinks an indicator; wrong mappings are named and write nothing; others are refused", async () => {
  const peru = await projectId("PE-VEN-2021");
  const gbv = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-GBV-REFERRED" } });
  const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.1" } });
  const female = await db().disaggregationOption.findFirstOrThrow({
    where: { key: "female", dimension: { key: "sex", indicators: { some: { indicatorId: indicator.id } } } },
  });
  const male = await db().disaggregationOption.findFirstOrThrow({
    where: { key: "male", dimension: { key: "sex", indicators: { some: { indicatorId: indicator.id } } } },
  });
  const params = { projectId: peru, indicatorId: indicator.id };
  const url = `/api/v1/projects/${peru}/indicators/${indicator.id}/library-link`;
  const manager = await apiTokenFor("manager@example.org");
  const before = await db().libraryLink.findUniqueOrThrow({ where: { indicatorId: indicator.id } });

  const wrong = await call(link.PUT, url, manager, {
    method: "PUT",
    params,
    body: {
      libraryIndicatorId: gbv.id,
      options: [{ dimensionKey: "sex", optionKey: "female", projectOptionId: male.id }],
    },
  });
  expect(wrong.status).toBe(400);
  expect(wrong.body.errors).toEqual([{ field: "body.options.sex.male", message: "optionUnmapped" }]);
  expect(await db().libraryLink.findUniqueOrThrow({ where: { indicatorId: indicator.id } })).toEqual(before);

  const options = [
    { dimensionKey: "sex", optionKey: "female", projectOptionId: female.id },
    { dimensionKey: "sex", optionKey: "male", projectOptionId: male.id },
  ];
  for (const email of ["viewer@example.org", "evaluator@example.org"]) {
    const refused = await call(link.PUT, url, await apiTokenFor(email), {
      method: "PUT",
      params,
      body: { libraryIndicatorId: gbv.id, options },
    });
    expect(refused.status, email).toBe(403);
    expect((await call(link.DELETE, url, await apiTokenFor(email), { method: "DELETE", params })).status).toBe(403);
  }
  const linked = await call(link.PUT, url, manager, {
    method: "PUT",
    params,
    body: { libraryIndicatorId: gbv.id, options },
  });
  expect(linked.status).toBe(200);
  expect(linked.body).toEqual({ indicatorId: indicator.id, libraryIndicatorId: gbv.id, options });
  const view = await call(one.GET, `/api/v1/library/indicators/${gbv.id}`, manager, {
    params: { libraryId: gbv.id },
  });
  expect(view.body.projects.map((p: { indicator: { id: string } }) => p.indicator.id)).toEqual([indicator.id]);

  const unlinked = await call(link.DELETE, url, manager, { method: "DELETE", params });
  expect(unlinked.status).toBe(200);
  expect(unlinked.body).toEqual({ indicatorId: indicator.id, libraryIndicatorId: null, options: [] });
  expect(await db().libraryLink.findUnique({ where: { indicatorId: indicator.id } })).toBeNull();
});
