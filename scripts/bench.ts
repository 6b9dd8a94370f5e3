// Benchmark (run with the react-server condition, as server code runs in Next.js), in one run:
// a synthetic portfolio (scripts/bench/portfolio.ts); each figure against a baseline doing the same
// work: the project summary against the project's own partial-sums SQL, a first screen and the
// portfolio against a per-project totals-only GROUP BY, each computed after a change (cold) and again
// unchanged (warm); a 50,000-row import against a plain insert; then, when a production build exists,
// the app itself under load with autocannon (donor API and pages, the dashboard, the portfolio), each
// against its baseline; on PostgreSQL also the same project on PGlite. The statements the app's code sends
// in this process are watched: a cold dashboard render's count and loads, the widest bind-parameter count.
//   npm run bench                                 embedded PGlite (a temporary folder)
//   DATABASE_URL=postgres://… npm run bench       PostgreSQL (its tables are dropped!)
//   BENCH_PROJECTS, BENCH_IMPORT_ROWS, BENCH_STUDIES, BENCH_LOAD_SECONDS, BENCH_RUNS change the sizes
//   (BENCH_STUDIES=10000 is the library the issue asks about; 1,000 by default).
// Numbers are medians (or autocannon's averages); compare runs on the same machine only.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const onPostgres = Boolean(process.env.DATABASE_URL);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const STUDIES = Number(process.env.BENCH_STUDIES ?? 1_000);
/** Only the computed summary of the largest project, as one JSON line (the PGlite side of a PostgreSQL run). */
const SUMMARY_ONLY = process.env.BENCH_SUMMARY_ONLY === "1";

if (!onPostgres) {
  // The embedded database's folder goes on every way out: the end, process.exit (the PGlite child of a
  // PostgreSQL run exits early), an error, Ctrl-C. An 88 MB folder per run was left behind before.
  const dataDir = mkdtempSync(path.join(tmpdir(), "me-bench-"));
  process.env.DATA_DIR = dataDir;
  process.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
}

const { closeDb, db, watchQueries } = await import("@/lib/platform/db");
const { configuredTarget, describeTarget, openAdapter } = await import("@/lib/platform/db/adapter");
const { applyMigrations, resetDatabase, startEngine } = await import("@/lib/platform/db/schema-engine");
const { createDatabaseIfMissing } = await import("@/lib/platform/db/server-admin");
const { projectSummary } = await import("@/lib/server/summary/service");
const { AsOf } = await import("@/lib/domain/as-of");
const { portfolio, portfolioListing } = await import("@/lib/server/portfolio/service");
const { projectResultPartials } = await import("@/lib/server/results/partials");
const { seedPortfolio } = await import("./bench/portfolio");
const { AppStatements } = await import("./bench/statements");

async function migrateFresh() {
  const target = configuredTarget();
  if (target.kind === "postgres") await createDatabaseIfMissing(target.url);
  const { factory, close } = openAdapter(target);
  const engine = await startEngine(factory);
  try {
    if (target.kind === "postgres") await resetDatabase(engine, target);
    await applyMigrations(engine);
  } finally {
    engine.free();
    await close();
  }
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
}

type Row = { measurement: string; result: string; baseline?: string; ratio?: string; goal?: string };
/** Every row, printed as soon as measured (a full run takes a while) and again as one table at the end. */
const report = {
  rows: [] as Row[],
  push(...rows: Row[]) {
    for (const row of rows) console.log(`  ${row.measurement}: ${row.result}${row.ratio ? ` (${row.ratio})` : ""}`);
    this.rows.push(...rows);
  },
};
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en")} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

await migrateFresh();
// Every statement the shared client sends is seen; those the app's code sends (statements.app and
// statements.collect) are counted: the largest bind-parameter count of any, a cold dashboard's loads.
const statements = new AppStatements();
await watchQueries(statements.onQuery);
const seedStart = performance.now();
const prisma = db();
const { projectIds, largestId, spareId, results } = await seedPortfolio(prisma, PROJECTS);
const resultsOfLargest = await prisma.result.count({ where: { indicator: { projectId: largestId } } });
if (!SUMMARY_ONLY) {
  console.log(`Database: ${describeTarget(configuredTarget())}`);
  console.log(
    `Portfolio: ${PROJECTS} projects, ${results.toLocaleString("en")} approved results (largest project: ${resultsOfLargest.toLocaleString("en")}), loaded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
}

const admin = { kind: "user" as const, userId: "bench", isAdmin: true, roles: {} };
const asOf = AsOf.parse("2026-01-01");
// Baselines doing the same work as what they are compared with. A summary: the project's own partial-sums
// SQL (what the summary runs before its engine). A first screen and the portfolio: each project's
// approved totals per indicator, one GROUP BY (the least any overview must read; no options, places or
// periods), a few rows per indicator shipped.
const partialSumsSql = () => projectResultPartials(prisma, [largestId], ["APPROVED"]);
const totalsGroupBy = (ids: string[]) =>
  prisma.$queryRaw`
    SELECT i."projectId", r."indicatorId", SUM(r."value"), SUM(r."numerator"), SUM(r."denominator"), COUNT(*)
    FROM "Result" r JOIN "Indicator" i ON i."id" = r."indicatorId"
    WHERE i."projectId" = ANY(${ids}) AND r."status" = 'APPROVED' AND r."optionId" IS NULL
    GROUP BY 1, 2`;
// A new data version before each run, as after an approval: the cache cannot answer.
const bump = (ids: string[]) =>
  prisma.$executeRaw`UPDATE "Project" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = ANY(${ids})`;
const computedSummary = async () => {
  await bump([largestId]);
  return statements.app("project summary", () => projectSummary(admin, largestId, { asOf }));
};

const groupByMs = await median(partialSumsSql);
const computedMs = await median(computedSummary);
if (SUMMARY_ONLY) {
  console.log(JSON.stringify({ computedMs, groupByMs }));
  await closeDb();
  process.exit(0);
}
const cachedMs = await median(() =>
  statements.app("project summary", () => projectSummary(admin, largestId, { asOf })),
);
const firstScreen = () =>
  statements.app("dashboard first screen", () => projectSummary(admin, largestId, { asOf, depth: "places" }));
const overviewMs = await median(async () => {
  await bump([largestId]);
  return firstScreen();
});
const indicatorId = (await prisma.indicator.findFirstOrThrow({ where: { projectId: largestId, code: "1.2" } })).id;
const oneIndicatorMs = await median(async () => {
  await bump([largestId]);
  return statements.app("one indicator's detail", () => projectSummary(admin, largestId, { asOf, indicatorId }));
});
const totalsOfLargestMs = await median(() => totalsGroupBy([largestId]));
const overviewWarmMs = await median(firstScreen);
report.push(
  { measurement: "the largest project's partial-sums SQL (baseline)", result: ms(groupByMs) },
  { measurement: "the largest project's totals GROUP BY (baseline)", result: ms(totalsOfLargestMs) },
  {
    measurement: "project summary, cold: computed after a change (every figure)",
    result: ms(computedMs),
    baseline: `${ms(groupByMs)} (its partial-sums SQL)`,
    ratio: ratio(computedMs, groupByMs),
    goal: "<= 2x",
  },
  {
    measurement: "project summary, warm: unchanged since computed (kept by data version)",
    result: ms(cachedMs),
    baseline: `${ms(groupByMs)} (its partial-sums SQL)`,
    ratio: ratio(cachedMs, groupByMs),
  },
  {
    measurement: "dashboard first screen, cold (overall and per-place figures)",
    result: ms(overviewMs),
    baseline: `${ms(totalsOfLargestMs)} (totals GROUP BY)`,
    ratio: ratio(overviewMs, totalsOfLargestMs),
  },
  {
    measurement: "dashboard first screen, warm",
    result: ms(overviewWarmMs),
    baseline: `${ms(totalsOfLargestMs)} (totals GROUP BY)`,
    ratio: ratio(overviewWarmMs, totalsOfLargestMs),
  },
  {
    measurement: "one indicator's detail, cold (a card opened)",
    result: ms(oneIndicatorMs),
    baseline: `${ms(groupByMs)} (partial-sums SQL)`,
    ratio: ratio(oneIndicatorMs, groupByMs),
  },
);

// The portfolio: every project (the whole portfolio's figures) and the page /projects shows (its first
// 50 by name; by off-track indicators, which needs every project's status counts), cold after a change
// to every project, warm when nothing changed (the persisted per-project figures are read).
const portfolioSqlMs = await median(() => totalsGroupBy(projectIds));
const wholePortfolio = () => statements.app("portfolio", () => portfolio(admin));
const portfolioColdMs = await median(async () => {
  await bump(projectIds);
  return wholePortfolio();
});
const portfolioWarmMs = await median(wholePortfolio);
const firstPage = () => statements.app("/projects first page", () => portfolioListing(admin, { sort: "name" }, 1));
const pageColdMs = await median(async () => {
  await bump(projectIds);
  return firstPage();
});
const pageWarmMs = await median(firstPage);
const byOffTrackWarmMs = await median(() =>
  statements.app("/projects by off-track", () => portfolioListing(admin, { sort: "offTrack" }, 1)),
);
const totals = `${ms(portfolioSqlMs)} (totals GROUP BY, all)`;
report.push(
  { measurement: `totals GROUP BY, all ${PROJECTS} projects (baseline)`, result: ms(portfolioSqlMs) },
  {
    measurement: `portfolio of ${PROJECTS} projects, cold: after a change to every one`,
    result: ms(portfolioColdMs),
    baseline: totals,
    ratio: ratio(portfolioColdMs, portfolioSqlMs),
    goal: "<= 1.5x",
  },
  {
    measurement: `portfolio of ${PROJECTS} projects, warm: persisted figures read`,
    result: ms(portfolioWarmMs),
    baseline: totals,
    ratio: ratio(portfolioWarmMs, portfolioSqlMs),
  },
  {
    measurement: "/projects first page (50 by name), cold: after a change to every project",
    result: ms(pageColdMs),
    baseline: totals,
    ratio: ratio(pageColdMs, portfolioSqlMs),
  },
  {
    measurement: "/projects first page (50 by name), warm",
    result: ms(pageWarmMs),
    baseline: totals,
    ratio: ratio(pageWarmMs, portfolioSqlMs),
  },
  {
    measurement: "/projects sorted by off-track indicators, warm",
    result: ms(byOffTrackWarmMs),
    baseline: totals,
    ratio: ratio(byOffTrackWarmMs, portfolioSqlMs),
  },
);

// The organisation roll-up (#34): one library indicator (people reached, the projects' 1.1) linked in every
// project, rolled up by country for the admin, cold after a change to every project and warm, against the
// same sums in SQL (approved totals of the linked indicators per country).
{
  const { libraryRollup } = await import("@/lib/server/library/rollup");
  const library = await prisma.libraryIndicator.create({
    data: {
      code: "BENCH-REACH",
      nameEn: "People reached",
      nameEs: "Personas alcanzadas",
      measure: "COUNT",
      rollupRule: "SUM",
    },
  });
  const linked = await prisma.indicator.findMany({ where: { code: "1.1" }, select: { id: true, projectId: true } });
  await prisma.libraryLink.createMany({
    data: linked.map((i) => ({ indicatorId: i.id, projectId: i.projectId, libraryIndicatorId: library.id })),
  });
  const rollupSql = () => prisma.$queryRaw<{ country: string; value: number }[]>`
    SELECT c."isoCode" AS country, sum(r."value")::float8 AS value
    FROM "LibraryLink" ll
    JOIN "Result" r ON r."indicatorId" = ll."indicatorId" AND r."status" = 'APPROVED' AND r."optionId" IS NULL
    JOIN "Location" l ON l."id" = r."locationId"
    JOIN "Location" c ON c."id" = l."parentId" AND c."level" = 'COUNTRY'
    WHERE ll."libraryIndicatorId" = ${library.id}
    GROUP BY c."isoCode"`;
  const rollup = () =>
    statements.app("library roll-up", () => libraryRollup(admin, library.id, { by: "country", year: null, asOf }));
  const rollupSqlMs = await median(rollupSql);
  const rollupColdMs = await median(async () => {
    await bump(projectIds);
    return rollup();
  });
  const rollupWarmMs = await median(rollup);
  const sqlTotal = (await rollupSql()).reduce((sum, r) => sum + r.value, 0);
  const engineTotal = ((await rollup())?.figures ?? []).reduce((sum, f) => sum + (f.actual.value ?? 0), 0);
  const same = `same total as the SQL: ${Math.round(engineTotal) === Math.round(sqlTotal) ? "yes" : `NO (${engineTotal} vs ${sqlTotal})`}`;
  const baseline = `${ms(rollupSqlMs)} (per-country sums in SQL)`;
  report.push(
    {
      measurement: `library roll-up by country of ${linked.length} projects, cold: after a change to every one; ${same}`,
      result: ms(rollupColdMs),
      baseline,
      ratio: ratio(rollupColdMs, rollupSqlMs),
    },
    {
      measurement: `library roll-up by country of ${linked.length} projects, warm`,
      result: ms(rollupWarmMs),
      baseline,
      ratio: ratio(rollupWarmMs, rollupSqlMs),
    },
  );
}

// The evaluations library: its search with the full-text indexes against the same search without them.
{
  const { benchStudySearch, seedStudies } = await import("./bench/studies");
  const studiesStart = performance.now();
  await seedStudies(prisma, STUDIES, projectIds);
  console.log(
    `Library: ${STUDIES.toLocaleString("en")} studies, loaded in ${((performance.now() - studiesStart) / 1000).toFixed(1)} s`,
  );
  const reader = await prisma.user.create({
    data: {
      email: "study-reader@example.org",
      name: "Study reader",
      memberships: { create: projectIds.slice(0, 3).map((projectId) => ({ projectId, role: "VIEWER" as const })) },
    },
  });
  const member = {
    kind: "user" as const,
    userId: reader.id,
    isAdmin: false,
    roles: Object.fromEntries(projectIds.slice(0, 3).map((id) => [id, "VIEWER" as const])),
  };
  for (const row of await benchStudySearch(prisma, median, admin, member)) {
    report.push({
      measurement: `library search of ${STUDIES.toLocaleString("en")} studies: ${row.what}${row.found ? ` (${row.found} found)` : ""}`,
      // The issue's goal: a search of 10,000 studies answers in under 100 ms (said on each row).
      result: `${ms(row.withIndex)}, <= 100 ms: ${row.withIndex <= 100 ? "yes" : "NO"}`,
      baseline: `${ms(row.withoutIndex)} (the same without the GIN indexes)`,
      ratio: ratio(row.withIndex, row.withoutIndex),
      goal: "<= 100 ms",
    });
  }
}

const { benchImport } = await import("./bench/import");
for (const row of await benchImport(prisma, spareId, IMPORT_ROWS)) {
  const base = report.rows.find((r) => r.measurement.startsWith(`${IMPORT_ROWS} rows`));
  report.push({
    measurement: `${row.what}, heap growth ${row.heapMB.toFixed(0)} MB`,
    result: `${(row.ms / 1000).toFixed(1)} s`,
    ...(base?.result && {
      baseline: base.result,
      ratio: ratio(row.ms, Number.parseFloat(base.result) * 1000),
      goal: row.what.startsWith("import (") ? "<= 10 s" : undefined,
    }),
  });
}

// The app itself, on the same database (PGlite is one process's: this one lets it go first).
const { createShareLink } = await import("@/lib/server/share-links/service");
const { hashPassword } = await import("@/lib/platform/auth/password");
const manager = await prisma.user.create({
  data: {
    email: "manager@example.org",
    name: "Manager",
    passwordHash: await hashPassword("bench-manager-pass"),
    isAdmin: true,
    memberships: { create: { projectId: largestId, role: "MANAGER" } },
  },
});
const { token } = await createShareLink({ ...admin, userId: manager.id }, largestId, {
  label: "Donor",
  expiresAt: null,
  options: {},
});

// A cold dashboard render (#32: <= 16 statements, one load of the structure and of the partial sums): the
// page's server calls for the manager after a change to the project (nothing of its version cached), each
// call's statements counted; projectDashboard's alone are what dashboard-loads.integration.test.ts bounds.
{
  const { viewLoads } = await import("@/lib/platform/db/sent-queries");
  const { dashboardPageCalls } = await import("@/lib/testing/dashboard-page-calls");
  type Sent = Parameters<typeof viewLoads>[0];
  const calls: { what: string; sent: Sent }[] = [];
  await bump([largestId]);
  const view = await dashboardPageCalls(manager.id, largestId, "en", async (what, run) => {
    const { result, sent } = await statements.collect("dashboard render", run);
    calls.push({ what, sent });
    return result;
  });
  const loads = (sent: Sent) => {
    const { structureLoads, partialSumsQueries } = viewLoads(sent);
    return `${sent.length} statements; ${structureLoads} structure load(s), ${partialSumsQueries} partial-sums quer${partialSumsQueries === 1 ? "y" : "ies"}`;
  };
  const each = calls.map(({ what, sent }) => `${what} ${sent.length}`).join(", ");
  report.push({
    measurement: `cold dashboard render: the page's server calls without Next.js (${each}); changed since the last report: ${view.changes?.changes.length ?? 0} indicators`,
    result: loads(calls.flatMap((c) => c.sent)),
    baseline: `projectDashboard alone: ${loads(calls.find((c) => c.what === "projectDashboard")?.sent ?? [])}`,
    goal: "<= 16 statements, 1 load",
  });
}

// The listing at ten times the projects: bare projects added (lib's listing reads projects and persisted
// figures, not results), the same warm pages measured, the added projects deleted.
{
  const { addBareProjects } = await import("./bench/listing-growth");
  const removeAdded = await addBareProjects(prisma, PROJECTS * 9);
  try {
    const tenTimes = `at ${(PROJECTS * 10).toLocaleString("en")} projects (${(PROJECTS * 9).toLocaleString("en")} bare ones added: a country, a donor, persisted figures)`;
    const pageAtTenMs = await median(() =>
      statements.app("/projects first page", () => portfolioListing(admin, { sort: "name" }, 1)),
    );
    const offTrackAtTenMs = await median(() =>
      statements.app("/projects by off-track", () => portfolioListing(admin, { sort: "offTrack" }, 1)),
    );
    report.push(
      {
        measurement: `/projects first page (50 by name), warm, ${tenTimes}`,
        result: ms(pageAtTenMs),
        baseline: `${ms(pageWarmMs)} (at ${PROJECTS})`,
        ratio: ratio(pageAtTenMs, pageWarmMs),
        goal: "<= 2x",
      },
      {
        measurement: `/projects sorted by off-track indicators, warm, ${tenTimes}`,
        result: ms(offTrackAtTenMs),
        baseline: `${ms(byOffTrackWarmMs)} (at ${PROJECTS})`,
        ratio: ratio(offTrackAtTenMs, byOffTrackWarmMs),
        goal: "<= 2x",
      },
    );
  } finally {
    await removeAdded();
  }
}

// The largest bind-parameter count of any statement the app's code sent in this process (summaries,
// first screens, the portfolio and its listings, the roll-up, the dashboard render); the bench's own
// seeding, baselines and bumps are not counted, nor the import and study search, nor the HTTP server.
const { widest } = statements;
report.push({
  measurement: `bind parameters in any statement of the app at ${PROJECTS} projects (summary, portfolio, listing, roll-up, dashboard; widest during ${widest.during || "nothing"}: ${widest.query.replace(/\s+/g, " ").slice(0, 80)})`,
  result: widest.parameters.toLocaleString("en"),
  goal: "< 5,000",
});
await closeDb();

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build: run `npm run build` for the HTTP measurements.");
} else {
  const { load, medianRequest, signIn, startServerOnFreePort } = await import("./bench/http-load");
  // All the load comes from this one address: the per-address donor-link view limit (120 a minute by
  // default) is raised for this server only, so the donor rows measure views, not refusals.
  const limits = { SHARE_VIEW_LIMIT_PER_MINUTE: "100000000" };
  const server = await startServerOnFreePort(onPostgres ? limits : { ...limits, DATA_DIR: process.env.DATA_DIR ?? "" });
  try {
    const cookie = { cookie: await signIn(server.base, manager.email, "bench-manager-pass") };
    const api = `${server.base}/api/v1/projects/${largestId}/summary?asOf=2026-01-01`;
    const summaryHttp = await medianRequest(api, cookie, RUNS);
    report.push({
      measurement: `GET …/summary of the largest project (${(summaryHttp.bytes / 1024).toFixed(0)} KiB), one at a time`,
      result: ms(summaryHttp.ms),
      baseline: `${ms(groupByMs)} (its partial-sums SQL)`,
      ratio: ratio(summaryHttp.ms, groupByMs),
      goal: "<= 1.5x, <= 100 ms",
    });
    const portfolioHttp = await medianRequest(`${server.base}/projects`, cookie, Math.min(RUNS, 5));
    report.push({
      measurement: `portfolio page /projects as admin (${(portfolioHttp.bytes / 1024).toFixed(0)} KiB of HTML), one at a time`,
      result: ms(portfolioHttp.ms),
      baseline: totals,
      ratio: ratio(portfolioHttp.ms, portfolioSqlMs),
      goal: "<= 2x",
    });
    const loaded = async (what: string, url: string, baselineUrl: string, headers = {}, goal?: string) => {
      const baseline = await load(baselineUrl, headers);
      const run = await load(url, headers);
      report.push({
        measurement: `${what}, 50 connections: p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.statuses}`,
        result: `${run.reqPerSec.toFixed(0)} req/s`,
        baseline: `${baseline.reqPerSec.toFixed(0)} req/s (a 404)`,
        ratio: ratio(run.reqPerSec, baseline.reqPerSec),
        goal,
      });
    };
    const unknownToken = `s_${"x".repeat(43)}`;
    // Each against a 404 of the same route (an unknown link or project: the same proxy, session and lookup).
    await loaded(
      "donor summary API (Accept-Encoding as a browser sends it: brotli)",
      `${server.base}/api/v1/shared/${token}/summary`,
      `${server.base}/api/v1/shared/${unknownToken}/summary`,
      { "accept-encoding": "gzip, deflate, br, zstd" },
      ">= 1.5x, p99 <= 200 ms, no errors",
    );
    await loaded(
      "donor page /s/<token>",
      `${server.base}/s/${token}`,
      `${server.base}/s/${unknownToken}`,
      {},
      ">= 2x, p99 <= 500 ms",
    );
    await loaded(
      "project dashboard page",
      `${server.base}/projects/${largestId}`,
      `${server.base}/projects/unknown-project`,
      cookie,
      ">= 1x, p99 <= 500 ms",
    );
  } finally {
    // Requests autocannon left unanswered at its end finish before the server drains and closes.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await server.stop();
  }
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = env;
  return rest;
}

if (onPostgres) {
  // The same project on PGlite, in a child process of its own (a smaller portfolio with the same shape).
  const child = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/bench.ts"], {
    env: { ...withoutDatabaseUrl(process.env), BENCH_SUMMARY_ONLY: "1", BENCH_PROJECTS: "6" },
    encoding: "utf8",
  });
  const pglite = JSON.parse(child.trim().split("\n").at(-1) ?? "{}") as { computedMs: number };
  report.push({
    measurement: "the same project's summary computed on PGlite",
    result: ms(pglite.computedMs),
    baseline: `${ms(computedMs)} (PostgreSQL)`,
    ratio: ratio(pglite.computedMs, computedMs),
    goal: "<= 3x",
  });
}

try {
  const { budgets, bundleReport } = await import("./bundle-report");
  for (const [route, budget] of Object.entries(budgets)) {
    const found = bundleReport().find((r) => r.route === route);
    if (found) {
      report.push({
        measurement: `first-load JS of ${route}${found.chartsInFirstLoad ? " (chart code included!)" : ""}`,
        result: `${found.gzipKB.toFixed(1)} kB gzip`,
        goal: `<= ${budget} kB`,
      });
    }
  }
} catch {
  // No build: said above.
}
console.table(report.rows);
