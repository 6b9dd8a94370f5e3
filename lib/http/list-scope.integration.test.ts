// Every list a caller can page through holds exactly what the caller may read, whatever cursor, limit and
// filters they send: for each list x caller x random cursor/limit/filters, the union of all pages is the
// readable set (after the cursor, matching the filters), with no repeats. The expected sets are read
// from the memberships directly, not through the permission code under test. (A cursor once wrote over
// the scope of `GET /api/v1/projects`, listing every project to any signed-in caller.)
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { GET as getResults } from "@/app/api/v1/projects/[projectId]/results/route";
import { GET as getProjects } from "@/app/api/v1/projects/route";
import type { SharePrincipal } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db } from "@/lib/platform/db";
import { projectResults, readableProjectList } from "@/lib/server/projects/read-api";
import { listProjects } from "@/lib/server/projects/service";
import { inbox } from "@/lib/server/results/inbox";
import { apiTokenFor } from "@/lib/testing/principals";

type Caller = { name: string; userId: string; token: string };
const callers: Caller[] = [];
let projectIds: string[] = [];
/** Ids the cursors are drawn from: every project and a sample of values, readable or not. */
let cursorPool: string[] = [];

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, path: string, token: string, params: Record<string, string> = {}) {
  const request = new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } });
  return handler(request, { params: Promise.resolve(params) });
}

/** What the caller may read, straight from the tables: every project for an admin, else their memberships. */
async function expectedAccess(userId: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
  const readable = user.isAdmin ? projectIds : user.memberships.map((m) => m.projectId);
  const unapproved = new Set(user.memberships.filter((m) => m.role !== "VIEWER").map((m) => m.projectId as string));
  if (user.isAdmin) for (const id of projectIds) unapproved.add(id);
  return { readable: new Set(readable), unapproved };
}

/** Every page from `cursor` on; fails on a repeat or an over-long page. */
async function walk(
  fetchPage: (cursor?: string) => Promise<{ ids: string[]; nextCursor: string | null }>,
  limit: number,
  cursor?: string,
) {
  const seen: string[] = [];
  let next = cursor;
  for (let pages = 0; ; pages++) {
    if (pages > 10_000) throw new Error("paging never ends");
    const page = await fetchPage(next);
    expect(page.ids.length).toBeLessThanOrEqual(limit);
    seen.push(...page.ids);
    if (!page.nextCursor) break;
    next = page.nextCursor;
  }
  expect(new Set(seen).size).toBe(seen.length);
  return seen;
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

beforeAll(async () => {
  projectIds = (await db().project.findMany({ select: { id: true } })).map((p) => p.id);
  const someValues = await db().result.findMany({ select: { id: true }, take: 40, orderBy: { updatedAt: "desc" } });
  cursorPool = [...projectIds, ...someValues.map((r) => r.id)];
  const peru = await db().project.findUniqueOrThrow({ where: { code: "PE-VEN-2021" } });
  // Someone removed from their only project, and someone who never had one.
  const removed = await db().user.create({
    data: {
      email: "removed@example.org",
      name: "Removed",
      passwordHash: "x",
      memberships: { create: { projectId: peru.id, role: "EVALUATOR" } },
    },
  });
  await db().user.create({ data: { email: "stranger@example.org", name: "Stranger", passwordHash: "x" } });
  const removedToken = await apiTokenFor("removed@example.org");
  await db().membership.deleteMany({ where: { userId: removed.id } });
  for (const name of ["admin", "manager", "evaluator", "viewer", "removed", "stranger"]) {
    const email = `${name}@example.org`;
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    callers.push({ name, userId: user.id, token: name === "removed" ? removedToken : await apiTokenFor(email) });
  }
});

const cursorArb = () =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant("0"),
    fc.constantFrom(...cursorPool),
    fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && !/[&#%?+]/.test(s)),
  );

test("GET /api/v1/projects: every caller pages through exactly the projects they may read", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...callers),
      fc.integer({ min: 1, max: 12 }),
      cursorArb(),
      async (caller, limit, cursor) => {
        const { readable } = await expectedAccess(caller.userId);
        const seen = await walk(
          async (at) => {
            const query = new URLSearchParams({ limit: String(limit), ...(at ? { cursor: at } : {}) });
            const response = await call(getProjects, `/api/v1/projects?${query}`, caller.token);
            expect(response.status).toBe(200);
            const body = (await response.json()) as { projects: { id: string }[]; nextCursor: string | null };
            return { ids: body.projects.map((p) => p.id), nextCursor: body.nextCursor };
          },
          limit,
          cursor,
        );
        const after = cursor
          ? (await db().project.findMany({ where: { id: { gt: cursor } }, select: { id: true } })).map((p) => p.id)
          : projectIds;
        expect(sorted(seen)).toEqual(sorted(after.filter((id) => readable.has(id))));
      },
    ),
    { numRuns: 40 },
  );
}, 300_000);

test("GET /api/v1/projects/{id}/results: every caller pages through exactly the values they may read", async () => {
  const statuses = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;
  const indicators = await db().indicator.findMany({ select: { id: true, projectId: true } });
  const periods = await db().reportingPeriod.findMany({ select: { id: true, projectId: true } });
  const rounds = await db().surveyRound.findMany({ select: { id: true, projectId: true } });
  let walkedSeveral = 0;
  const byProject = await db().indicator.findMany({
    select: { projectId: true, _count: { select: { results: true } } },
  });
  const counts = new Map<string, number>();
  for (const i of byProject) counts.set(i.projectId, (counts.get(i.projectId) ?? 0) + i._count.results);
  const [busiest] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [""];
  /** Mostly the project's own indicators and periods (lists with something in them), sometimes another's. */
  const idOf = (rows: { id: string; projectId: string }[], projectId: string) => {
    const own = rows.filter((r) => r.projectId === projectId).map((r) => r.id);
    const any = fc.constantFrom(...rows.map((r) => r.id));
    return own.length
      ? fc.oneof({ arbitrary: fc.constantFrom(...own), weight: 4 }, { arbitrary: any, weight: 1 })
      : any;
  };
  const projectAndFilters = fc.constantFrom(...projectIds).chain((projectId) =>
    fc.tuple(
      fc.constant(projectId),
      fc.record(
        {
          status: fc.constantFrom(...statuses),
          indicator: idOf(indicators, projectId),
          period: idOf([...periods, ...rounds], projectId),
        },
        { requiredKeys: [] },
      ),
    ),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...callers),
      projectAndFilters,
      fc.integer({ min: 5, max: 1000 }),
      cursorArb(),
      async (caller, [projectId, filters], limit, cursor) => {
        const { readable, unapproved } = await expectedAccess(caller.userId);
        const fetchPage = async (at?: string) => {
          const query = new URLSearchParams({ limit: String(limit), ...filters, ...(at ? { cursor: at } : {}) });
          const response = await call(getResults, `/api/v1/projects/${projectId}/results?${query}`, caller.token, {
            projectId,
          });
          return response;
        };
        if (!readable.has(projectId)) {
          expect((await fetchPage()).status).toBe(404);
          return;
        }
        const seen = await walk(
          async (at) => {
            const response = await fetchPage(at);
            expect(response.status).toBe(200);
            const body = (await response.json()) as { results: { id: string }[]; nextCursor: string | null };
            return { ids: body.results.map((r) => r.id), nextCursor: body.nextCursor };
          },
          limit,
          cursor,
        );
        const where: Prisma.ResultWhereInput = {
          indicator: { projectId },
          ...(cursor ? { id: { gt: cursor } } : {}),
        };
        const rows = await db().result.findMany({
          where,
          select: { id: true, status: true, indicatorId: true, periodId: true, roundId: true },
        });
        const expected = rows.filter(
          (r) =>
            (unapproved.has(projectId) || r.status === "APPROVED") &&
            (!filters.status || r.status === filters.status) &&
            (!filters.indicator || r.indicatorId === filters.indicator) &&
            (!filters.period || r.periodId === filters.period || r.roundId === filters.period),
        );
        expect(sorted(seen)).toEqual(sorted(expected.map((r) => r.id)));
        if (expected.length > 1) walkedSeveral++;
      },
    ),
    {
      numRuns: 60,
      // Random filters and cursors often leave nothing to page through; these always do (an admin and an
      // evaluator on the project with the most values, no filter, small pages, from the start).
      examples: [
        [callers[0] as Caller, [busiest, {}], 5, undefined],
        [callers[2] as Caller, [busiest, { status: "APPROVED" as const }], 7, undefined],
      ],
    },
  );
  expect(walkedSeveral).toBeGreaterThan(0); // the property was tried on lists with something to page through
}, 600_000);

test("a donor link's principal lists its one project and that project's approved values, from any cursor", async () => {
  const peru = await db().project.findUniqueOrThrow({ where: { code: "PE-VEN-2021" } });
  const donor: SharePrincipal = { kind: "share", linkId: "test-link", projectId: peru.id };
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 500 }), cursorArb(), async (limit, cursor) => {
      const projects = await walk(
        async (at) => {
          const page = await readableProjectList(donor, { limit, cursor: at });
          return { ids: page.items.map((p) => p.id), nextCursor: page.nextCursor };
        },
        limit,
        cursor,
      );
      const expectedProjects = await db().project.findMany({
        where: { AND: [{ id: peru.id }, cursor ? { id: { gt: cursor } } : {}] },
      });
      expect(projects).toEqual(expectedProjects.map((p) => p.id));
      for (const other of projectIds.filter((id) => id !== peru.id)) {
        expect(await projectResults(donor, other, {}, { limit, cursor })).toBeNull();
      }
      const values = await walk(
        async (at) => {
          const page = await projectResults(donor, peru.id, {}, { limit, cursor: at });
          if (!page) throw new Error("the link's own project must be readable");
          return { ids: page.items.map((r) => r.id), nextCursor: page.nextCursor };
        },
        limit,
        cursor,
      );
      const approved = await db().result.findMany({
        where: { indicator: { projectId: peru.id }, status: "APPROVED", ...(cursor ? { id: { gt: cursor } } : {}) },
        select: { id: true },
      });
      expect(sorted(values)).toEqual(sorted(approved.map((r) => r.id)));
    }),
    { numRuns: 15 },
  );
}, 300_000);

test("the portfolio's and the inbox's lists hold only what each caller may open", async () => {
  const archived = new Set(
    (await db().project.findMany({ where: { archivedAt: { not: null } }, select: { id: true } })).map((p) => p.id),
  );
  for (const caller of callers) {
    const principal = await loadPrincipal(caller.userId);
    if (!principal) throw new Error(`no principal for ${caller.name}`);
    const { readable } = await expectedAccess(caller.userId);
    const listed = (await listProjects(principal)).map((p) => p.id);
    expect(sorted(listed), caller.name).toEqual(sorted([...readable].filter((id) => !archived.has(id))));
    for (const item of await inbox(principal)) expect(readable.has(item.projectId), caller.name).toBe(true);
  }
});
