import { afterAll, beforeAll, expect, test } from "vitest";
import {
  filterAndSortPortfolio,
  inRootCollation,
  PORTFOLIO_PAGE_SIZE,
  type PortfolioQuery,
  portfolioPage,
  portfolioSorts,
} from "@/lib/domain/portfolio/filter";
import { db, type SentQuery, watchQueries } from "@/lib/platform/db";
import { bindParameters } from "@/lib/platform/db/sent-queries";
import { principalFor } from "@/lib/testing/principals";
import { readableProjectList } from "../projects/read-api";
import { listProjects } from "../projects/service";
import { cachedSummaryCount } from "../summary/cache";
import { portfolio, portfolioListing } from "./service";

// More projects than a page: the demo's three and these, each with a few indicators and targets. Some
// names and donors need a collation to sort (case, accents, Ñ), and some names are shared (ties fall to the
// latest start).
const ADDED = 120;
const NAMES = ["área de salud", "Agua segura", "Ñandutí", "nube", "Zona norte", "École rurale", "agua segura"];
const DONORS = ["", "EU", "ECHO", "éducation fund", "Ñ Trust", "eu"];
const MAX_PARAMETERS = 100;

const sent: SentQuery[] = [];

beforeAll(async () => {
  const [location] = await db().location.findMany({ where: { level: "COUNTRY" }, take: 1 });
  if (!location) throw new Error("no country in the demo");
  for (let n = 0; n < ADDED; n++) {
    const project = await db().project.create({
      data: {
        code: `MANY-${n}`,
        name: n % 3 === 0 ? (NAMES[n % NAMES.length] ?? "") : `Many ${String(n).padStart(3, "0")}`,
        donor: DONORS[n % DONORS.length],
        startDate: new Date(Date.UTC(2025, 0, 1 + n)),
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

test("the portfolio's first page computes only the page's projects, whatever the portfolio's size", async () => {
  const admin = await principalFor("admin@example.org");
  const before = cachedSummaryCount();
  const { listed, readable } = await portfolioListing(admin, { sort: "name" }, 1);
  expect(readable).toBeGreaterThan(PORTFOLIO_PAGE_SIZE);
  expect(listed.rows).toHaveLength(PORTFOLIO_PAGE_SIZE);
  expect(listed.total).toBe(readable);
  // Each computed overview is remembered once: no more than the page's projects were computed.
  const computed = cachedSummaryCount() - before;
  expect(computed).toBeGreaterThan(0);
  expect(computed).toBeLessThanOrEqual(PORTFOLIO_PAGE_SIZE);
  expect(listed.rows.find((r) => r.name.startsWith("Many"))?.keyIndicators).toHaveLength(3);
});

test("the database's pages are the portfolio's filters and order (names and donors in the root collation)", async () => {
  const admin = await principalFor("admin@example.org");
  // Every project, unfiltered and in no particular order, with its figures and countries.
  const everyRow = await portfolio(admin);
  const roma = everyRow.find((p) => p.code === "WB-ROMA-W");
  expect(roma?.countries.map((c) => c.name)).toContain("Serbia");
  const countryOf = (code: string) => everyRow.find((p) => p.code === code)?.countries[0]?.isoCode ?? undefined;
  const queries: PortfolioQuery[] = [
    {},
    { country: "RS" },
    { country: countryOf("MANY-0") },
    { donor: "EU" },
    { donor: "Ñ Trust", country: countryOf("MANY-4") },
    { donor: "nobody" },
  ];
  for (const filters of queries) {
    for (const sort of portfolioSorts) {
      for (const page of [1, 2, 3, 99, 1e12, -1]) {
        const query = { ...filters, sort };
        const expected = portfolioPage(filterAndSortPortfolio(everyRow, query), page);
        const { listed } = await portfolioListing(admin, query, page);
        const label = `${JSON.stringify(query)}, page ${page}`;
        expect(
          listed.rows.map((r) => r.id),
          label,
        ).toEqual(expected.rows.map((r) => r.id));
        expect(listed.rows, label).toStrictEqual(expected.rows);
        expect({ ...listed, rows: [] }, label).toEqual({ ...expected, rows: [] });
      }
    }
  }
  // The collation matters here: a byte order would put "área", "École" and "Ñandutí" after "Zona".
  const { listed } = await portfolioListing(admin, { sort: "name" }, 1);
  const names = listed.rows.map((r) => r.name);
  expect(names.indexOf("área de salud")).toBeGreaterThanOrEqual(0);
  expect(names.indexOf("École rurale")).toBeLessThan(names.indexOf("Many 001"));
});

test("the filters offer every country and donor of the projects the caller may open, in the page's collation", async () => {
  for (const email of ["admin@example.org", "viewer@example.org"]) {
    const principal = await principalFor(email);
    const everyRow = await portfolio(principal);
    const countries = new Map(everyRow.flatMap((r) => r.countries.map((c) => [c.isoCode, c.name] as const)));
    const { choices } = await portfolioListing(principal, { country: "none", donor: "none" }, 1);
    expect(choices.countries).toEqual(
      [...countries].map(([isoCode, name]) => ({ isoCode, name })).sort((a, b) => inRootCollation(a.name, b.name)),
    );
    expect(choices.donors).toEqual([...new Set(everyRow.map((r) => r.donor).filter(Boolean))].sort(inRootCollation));
  }
});

test("someone who may open only some projects is listed only those", async () => {
  const viewer = await principalFor("viewer@example.org");
  const { listed, readable } = await portfolioListing(viewer, { sort: "name" }, 1);
  const open = (await listProjects(viewer)).map((p) => p.id).sort();
  expect(readable).toBe(open.length);
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
  const widest = Math.max(...sent.map(bindParameters));
  expect(widest, sent.find((q) => bindParameters(q) === widest)?.query).toBeLessThanOrEqual(MAX_PARAMETERS);
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
  const { listed: portfolioPage, readable } = await portfolioListing(principal, { sort: "offTrack" }, 1);
  expect(readable).toBe(ADDED);
  expect(portfolioPage.rows).toHaveLength(PORTFOLIO_PAGE_SIZE);
  const widest = Math.max(...sent.map(bindParameters));
  expect(widest, sent.find((q) => bindParameters(q) === widest)?.query).toBeLessThanOrEqual(MAX_PARAMETERS);
});
