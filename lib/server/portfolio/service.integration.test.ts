import { afterAll, beforeAll, expect, test } from "vitest";
import { filterAndSortPortfolio, PORTFOLIO_PAGE_SIZE, portfolioPage } from "@/lib/domain/portfolio/filter";
import { db, type SentQuery, watchQueries } from "@/lib/platform/db";
import { principalFor } from "@/lib/testing/principals";
import { readableProjectList } from "../projects/read-api";
import { listProjects } from "../projects/service";
import { cachedSummaryCount } from "../summary/cache";
import { portfolio, portfolioListing } from "./service";

// More projects than a page: the demo's three and these, each with a few indicators and targets.
const ADDED = 120;
const MAX_PARAMETERS = 100;

const sent: SentQuery[] = [];

beforeAll(async () => {
  const [location] = await db().location.findMany({ where: { level: "COUNTRY" }, take: 1 });
  if (!location) throw new Error("no country in the demo");
  for (let n = 0; n < ADDED; n++) {
    const project = await db().project.create({
      data: {
        code: `MANY-${n}`,
        name: `Many ${String(n).padStart(2, "0")}`,
        startDate: new Date("2025-01-01"),
        endDate: new Date("2025-12-31"),
        reportingFrequency: "QUARTERLY",
        locations: { create: { locationId: location.id } },
        resultNodes: { create: { level: "OUTCOME", code: "1", title: "Outcome 1" } },
      },
      include: { resultNodes: true },
    });
    for (let k = 0; k < 3; k++) {
      await db().indicator.create({
        data: {
          projectId: project.id,
          resultNodeId: project.resultNodes[0]?.id ?? "",
          code: `1.${k + 1}`,
          title: `Indicator ${k + 1}`,
          measure: "COUNT",
          sortOrder: k,
          targets: { create: { locationId: location.id, value: 100 } },
        },
      });
    }
  }
  await watchQueries((query) => sent.push(query));
}, 120_000);

afterAll(() => {
  sent.length = 0;
});

/** The highest placeholder of a statement ($1 … $n): how many bind parameters it carries. */
const parametersOf = ({ query }: SentQuery) => Math.max(0, ...[...query.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));

test("the portfolio's first page computes only the page's projects, whatever the portfolio's size", async () => {
  const admin = await principalFor("admin@example.org");
  const before = cachedSummaryCount();
  const { listed, all } = await portfolioListing(admin, { sort: "name" }, 1);
  expect(all.length).toBeGreaterThan(PORTFOLIO_PAGE_SIZE);
  expect(listed.rows).toHaveLength(PORTFOLIO_PAGE_SIZE);
  expect(listed.total).toBe(all.length);
  // Each computed overview is remembered once: no more than the page's projects were computed.
  const computed = cachedSummaryCount() - before;
  expect(computed).toBeGreaterThan(0);
  expect(computed).toBeLessThanOrEqual(PORTFOLIO_PAGE_SIZE);
  // The rows are the name order's first page, each with its figures.
  const names = all.map((p) => p.name).sort((a, b) => a.localeCompare(b));
  expect(listed.rows.map((r) => r.name)).toEqual(names.slice(0, PORTFOLIO_PAGE_SIZE));
  expect(listed.rows.find((r) => r.name.startsWith("Many"))?.keyIndicators).toHaveLength(3);
  // Each project's countries, for the country filter.
  const [country] = all.find((p) => p.name === "Many 00")?.countries ?? [];
  expect(country?.isoCode).toMatch(/^[A-Z]{2}$/);
  expect(all.find((p) => p.code === "WB-ROMA-W")?.countries.map((c) => c.name)).toContain("Serbia");
});

test("someone who may open only some projects is listed only those", async () => {
  const viewer = await principalFor("viewer@example.org");
  const { listed, all } = await portfolioListing(viewer, { sort: "name" }, 1);
  const open = (await listProjects(viewer)).map((p) => p.id).sort();
  expect(all.map((p) => p.id).sort()).toEqual(open);
  expect(listed.rows.map((r) => r.id).sort()).toEqual(open);
  expect(open.length).toBeGreaterThan(0);
  expect(open.length).toBeLessThan(ADDED);
});

test("no statement of the portfolio carries more than a fixed number of bind parameters", async () => {
  const admin = await principalFor("admin@example.org");
  // Every project's data moved: none is taken from the summary cache.
  await db().$executeRaw`UPDATE "Project" SET "dataVersion" = "dataVersion" + 1`;
  sent.length = 0;
  // A sort by status counts computes every project: the widest the portfolio's queries get.
  const { listed } = await portfolioListing(admin, { sort: "offTrack" }, 2);
  expect(listed.page).toBe(2);
  await portfolioListing(admin, { sort: "name" }, 2);
  expect(sent.length).toBeGreaterThan(0);
  const widest = Math.max(...sent.map(parametersOf));
  expect(widest, sent.find((q) => parametersOf(q) === widest)?.query).toBeLessThanOrEqual(MAX_PARAMETERS);
});

test("a member of every project (not an admin) is scoped by their memberships in a fixed number of parameters", async () => {
  const projects = await db().project.findMany({ where: { code: { startsWith: "MANY-" } }, select: { id: true } });
  const member = await db().user.create({
    data: {
      email: "member-of-many@example.org",
      name: "Member of many",
      passwordHash: "x",
      memberships: { create: projects.map((p) => ({ projectId: p.id, role: "VIEWER" as const })) },
    },
  });
  const principal = await principalFor(member.email);
  expect(principal.isAdmin).toBe(false);
  expect(Object.keys(principal.roles)).toHaveLength(ADDED);
  await db().$executeRaw`UPDATE "Project" SET "dataVersion" = "dataVersion" + 1`;
  sent.length = 0;
  // The API's project list, walked to its end in pages wider than the parameter bound.
  const listed: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await readableProjectList(principal, { cursor, limit: ADDED + 10 });
    listed.push(...page.items.map((p) => p.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(listed.sort()).toEqual(projects.map((p) => p.id).sort());
  // The portfolio sorted by status counts: every project computed.
  const { listed: portfolioPage, all } = await portfolioListing(principal, { sort: "offTrack" }, 1);
  expect(all).toHaveLength(ADDED);
  expect(portfolioPage.rows).toHaveLength(PORTFOLIO_PAGE_SIZE);
  const widest = Math.max(...sent.map(parametersOf));
  expect(widest, sent.find((q) => parametersOf(q) === widest)?.query).toBeLessThanOrEqual(MAX_PARAMETERS);
});

test("a sort by status counts, ordered by the database on the persisted counts, is the portfolio's own order", async () => {
  const admin = await principalFor("admin@example.org");
  const everyRow = await portfolio(admin);
  expect(everyRow.some((r) => r.statusCounts.onTrack > 0 || r.statusCounts.offTrack > 0)).toBe(true);
  for (const sort of ["offTrack", "onTrack"] as const) {
    for (const page of [1, 2, 3, 99]) {
      const expected = portfolioPage(filterAndSortPortfolio(everyRow, { sort }), page);
      const { listed } = await portfolioListing(admin, { sort }, page);
      expect(
        listed.rows.map((r) => r.id),
        `${sort}, page ${page}`,
      ).toEqual(expected.rows.map((r) => r.id));
      expect(listed.rows).toStrictEqual(expected.rows);
      expect({ ...listed, rows: [] }).toEqual({ ...expected, rows: [] });
    }
  }
});
