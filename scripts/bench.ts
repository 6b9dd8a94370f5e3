// Benchmark (run with the react-server condition, as server code runs in Next.js): the indicator engine's project summary against a raw SQL baseline, on a synthetic project,
// and the first-load JavaScript of each route when a build exists.
//   npm run bench                      embedded PGlite (a temporary folder)
//   DATABASE_URL=postgres://… npm run bench   a PostgreSQL server (its tables are dropped and recreated!)
// Numbers are medians of several runs on this machine; compare runs on the same machine only.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 30);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 40);
const PERIODS = Number(process.env.BENCH_PERIODS ?? 12);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

if (!process.env.DATABASE_URL) process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "me-bench-"));

const { closeDb, db } = await import("@/lib/db");
const { configuredTarget, describeTarget, openAdapter } = await import("@/lib/db/adapter");
const { applyMigrations, resetDatabase, startEngine } = await import("@/lib/db/schema-engine");
const { projectSummary } = await import("@/lib/summary/service");
const { trackingCsv } = await import("@/lib/exports/tracking-export");

async function migrateFresh() {
  const { factory, close } = openAdapter(configuredTarget());
  const engine = await startEngine(factory);
  try {
    if (process.env.DATABASE_URL) await resetDatabase(engine);
    await applyMigrations(engine);
  } finally {
    engine.free();
    await close();
  }
}

async function seedSyntheticProject() {
  const prisma = db();
  const country = await prisma.location.create({ data: { level: "COUNTRY", name: "Benchland", isoCode: "XB" } });
  const regions = await prisma.location.createManyAndReturn({
    data: Array.from({ length: REGIONS }, (_, i) => ({
      level: "ADMIN1" as const,
      name: `Region ${i + 1}`,
      parentId: country.id,
    })),
  });
  const sex = await prisma.disaggregationDimension.create({
    data: {
      key: "sex",
      name: "Sex",
      options: {
        create: [
          { key: "female", name: "Female" },
          { key: "male", name: "Male" },
        ],
      },
    },
    include: { options: true },
  });
  const project = await prisma.project.create({
    data: {
      code: "BENCH",
      name: "Benchmark project",
      startDate: new Date("2020-01-01"),
      endDate: new Date(Date.UTC(2020, PERIODS * 3, 0)),
      locations: { create: [country, ...regions].map((l) => ({ locationId: l.id })) },
    },
  });
  const periods = await prisma.reportingPeriod.createManyAndReturn({
    data: Array.from({ length: PERIODS }, (_, i) => ({
      projectId: project.id,
      label: `P${i + 1}`,
      startDate: new Date(Date.UTC(2020, i * 3, 1)),
      endDate: new Date(Date.UTC(2020, i * 3 + 3, 0)),
    })),
  });
  const node = await prisma.resultNode.create({
    data: { projectId: project.id, level: "OUTPUT", code: "O", title: "Output" },
  });
  let results = 0;
  for (let k = 0; k < INDICATORS; k++) {
    const percentage = k % 3 === 2;
    const indicator = await prisma.indicator.create({
      data: {
        projectId: project.id,
        resultNodeId: node.id,
        code: `I${k + 1}`,
        title: `Indicator ${k + 1}`,
        measure: percentage ? "PERCENTAGE" : "COUNT",
        timeRule: k % 4 === 1 ? "CUMULATIVE" : "NON_CUMULATIVE",
        dimensions: { create: [{ dimensionId: sex.id }] },
      },
    });
    await prisma.target.createMany({
      data: regions.map((r) =>
        percentage
          ? { indicatorId: indicator.id, locationId: r.id, numerator: 60, denominator: 100 }
          : { indicatorId: indicator.id, locationId: r.id, value: 1000 },
      ),
    });
    const rows = regions.flatMap((r, ri) =>
      periods.flatMap((p, pi) => {
        const total = 50 + ((ri * 7 + pi * 13 + k) % 40);
        const base = { indicatorId: indicator.id, locationId: r.id, periodId: p.id, status: "APPROVED" as const };
        const figure = (v: number) => (percentage ? { numerator: Math.round(v * 0.6), denominator: v } : { value: v });
        return [
          { ...base, ...figure(total) },
          { ...base, optionId: sex.options[0]?.id, ...figure(Math.round(total * 0.55)) },
          { ...base, optionId: sex.options[1]?.id, ...figure(total - Math.round(total * 0.55)) },
        ];
      }),
    );
    await prisma.result.createMany({ data: rows });
    results += rows.length;
  }
  return { projectId: project.id, results };
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

await migrateFresh();
console.log(`Database: ${describeTarget(configuredTarget())}`);
const seedStart = performance.now();
const { projectId, results } = await seedSyntheticProject();
console.log(
  `Synthetic project: ${INDICATORS} indicators x ${REGIONS} regions x ${PERIODS} periods x (total + 2 options) = ${results} results (loaded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s)`,
);

const prisma = db();
const admin = { kind: "user" as const, userId: "bench", isAdmin: true, roles: {} };
// Baseline 1: the aggregation alone, as one hand-written GROUP BY (what any report must at least run).
const rawGroupBy = () =>
  prisma.$queryRawUnsafe(
    `SELECT r."indicatorId", r."locationId", r."optionId", r."periodId",
            SUM(r."value"), SUM(r."numerator"), SUM(r."denominator"), COUNT(*)
     FROM "Result" r JOIN "Indicator" i ON i."id" = r."indicatorId"
     WHERE i."projectId" = $1 AND r."status" = 'APPROVED'
     GROUP BY 1, 2, 3, 4`,
    projectId,
  );
// Baseline 2: reading every result row, which the engine avoids.
const rawAllRows = () =>
  prisma.$queryRawUnsafe(
    `SELECT r.* FROM "Result" r JOIN "Indicator" i ON i."id" = r."indicatorId" WHERE i."projectId" = $1`,
    projectId,
  );
const summary = () => projectSummary(admin, projectId, { asOf: new Date("2030-01-01") });
// Computed: a new data version before each run, as after an approval (the cache cannot answer).
const computedSummary = async () => {
  await prisma.$executeRaw`UPDATE "Project" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = ${projectId}`;
  return summary();
};

const groupByMs = await median(rawGroupBy);
const allRowsMs = await median(rawAllRows);
const summaryMs = await median(computedSummary);
const cachedMs = await median(summary);
console.table([
  { measurement: "raw SQL GROUP BY (baseline)", "median ms": groupByMs.toFixed(1), "x baseline": "1.00" },
  {
    measurement: "raw SQL, every result row",
    "median ms": allRowsMs.toFixed(1),
    "x baseline": (allRowsMs / groupByMs).toFixed(2),
  },
  {
    measurement: "project summary, computed (SQL + engine, all figures)",
    "median ms": summaryMs.toFixed(1),
    "x baseline": (summaryMs / groupByMs).toFixed(2),
  },
  {
    measurement: "project summary, unchanged since computed (cached by data version)",
    "median ms": cachedMs.toFixed(1),
    "x baseline": (cachedMs / groupByMs).toFixed(2),
  },
]);

// The tracking-table export, streamed to nowhere: time and how much the heap grows while it runs.
const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = heapBefore;
let exportedBytes = 0;
const exportStart = performance.now();
const csv = await trackingCsv(admin, projectId, { locale: "en" });
const reader = csv?.body.getReader();
for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
  exportedBytes += (chunk.value as Uint8Array).byteLength;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
console.log(
  `Tracking table CSV export: ${(exportedBytes / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - exportStart) / 1000).toFixed(1)} s, heap growth ${((peakHeap - heapBefore) / 1024 / 1024).toFixed(0)} MB`,
);

// A 50,000-row results import (CSV on disk, streamed), against a baseline that parses the same file
// and inserts its rows with no checks at all. Into new periods, so every row is a new value.
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
{
  const { createReadStream, writeFileSync } = await import("node:fs");
  const { importResults } = await import("@/lib/results/import");
  const { importMappingSchema } = await import("@/lib/results/import-mapping");
  const { csvRows } = await import("@/lib/imports/table-rows");
  const project = await prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    include: { indicators: true, locations: { include: { location: true } } },
  });
  const regions = project.locations.map((l) => l.location).filter((l) => l.level === "ADMIN1");
  const perPeriod = project.indicators.length * regions.length;
  const periodCount = Math.ceil(IMPORT_ROWS / perPeriod);
  const importPeriods = (offset: number) =>
    Array.from({ length: periodCount }, (_, i) => ({
      projectId,
      label: `N${offset + i + 1}`,
      startDate: new Date(Date.UTC(2030 + offset, i, 1)),
      endDate: new Date(Date.UTC(2030 + offset, i + 1, 0)),
    }));
  // Two sets of new periods: one for the import, one for the baseline.
  await prisma.reportingPeriod.createMany({ data: [...importPeriods(0), ...importPeriods(10 * periodCount)] });
  const periods = await prisma.reportingPeriod.findMany({ where: { projectId, label: { startsWith: "N" } } });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "me-import-")), "results.csv");
  const lines = ["indicator,region,period,value,numerator,denominator"];
  for (let n = 0; n < IMPORT_ROWS; n++) {
    const indicator = project.indicators[n % project.indicators.length];
    const region = regions[Math.floor(n / project.indicators.length) % regions.length];
    const period = `N${Math.floor(n / perPeriod) + 1}`;
    const pct = indicator?.measure === "PERCENTAGE";
    lines.push(`${indicator?.code},${region?.name},${period},${pct ? "" : 40},${pct ? 30 : ""},${pct ? 50 : ""}`);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  const mapping = importMappingSchema.parse({
    indicator: "indicator",
    location: "region",
    period: "period",
    value: "value",
    numerator: "numerator",
    denominator: "denominator",
  });
  const user = await prisma.user.create({ data: { email: "bench@example.org", name: "Bench", passwordHash: "x" } });
  const evaluator = {
    kind: "user" as const,
    userId: user.id,
    isAdmin: false,
    roles: { [projectId]: "EVALUATOR" as const },
  };
  const rowsOfFile = () => csvRows(createReadStream(file));

  // A collection before each measurement, so heap growth is what the run itself holds.
  const { setFlagsFromString } = await import("node:v8");
  const { runInNewContext } = await import("node:vm");
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const measure = async (run: () => Promise<unknown>) => {
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    const start = performance.now();
    await run();
    clearInterval(timer);
    return { ms: performance.now() - start, heapMB: (peak - before) / 1024 / 1024 };
  };
  const baseline = await measure(async () => {
    const byName = new Map(regions.map((r) => [r.name, r.id]));
    const byCode = new Map(project.indicators.map((i) => [i.code, i.id]));
    const byLabel = new Map(periods.map((p) => [p.label, p.id]));
    let batch: {
      indicatorId: string;
      locationId: string;
      periodId: string | null;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
    }[] = [];
    let header = true;
    for await (const { cells } of rowsOfFile()) {
      if (header) {
        header = false;
        continue;
      }
      const [code = "", region = "", period = "", value, numerator, denominator] = cells;
      batch.push({
        indicatorId: byCode.get(code) ?? "",
        locationId: byName.get(region) ?? "",
        periodId: byLabel.get(`N${Number(period.slice(1)) + 10 * periodCount}`) ?? null,
        value: value ? Number(value) : null,
        numerator: numerator ? Number(numerator) : null,
        denominator: denominator ? Number(denominator) : null,
      });
      if (batch.length === 1000) {
        await prisma.result.createMany({ data: batch });
        batch = [];
      }
    }
    if (batch.length) await prisma.result.createMany({ data: batch });
  });
  const check = await measure(() =>
    importResults(evaluator, projectId, rowsOfFile(), mapping, { dryRun: true, submit: false }),
  );
  let outcome: Awaited<ReturnType<typeof importResults>> | undefined;
  const full = await measure(async () => {
    outcome = await importResults(evaluator, projectId, rowsOfFile(), mapping, { dryRun: false, submit: false });
  });
  if (!outcome?.imported) throw new Error(`The benchmark import did not import: ${JSON.stringify(outcome?.problems)}`);
  console.table([
    {
      measurement: `${IMPORT_ROWS} rows: parse + insert, no checks (baseline)`,
      s: (baseline.ms / 1000).toFixed(1),
      "x baseline": "1.00",
      "heap growth MB": baseline.heapMB.toFixed(0),
    },
    {
      measurement: "import preview (every check, nothing written)",
      s: (check.ms / 1000).toFixed(1),
      "x baseline": (check.ms / baseline.ms).toFixed(2),
      "heap growth MB": check.heapMB.toFixed(0),
    },
    {
      measurement: "import (checks, write, audit trail)",
      s: (full.ms / 1000).toFixed(1),
      "x baseline": (full.ms / baseline.ms).toFixed(2),
      "heap growth MB": full.heapMB.toFixed(0),
    },
  ]);
  rmSync(path.dirname(file), { recursive: true, force: true });
}

await closeDb();
if (process.env.DATA_DIR && !process.env.DATABASE_URL) rmSync(process.env.DATA_DIR, { recursive: true, force: true });

try {
  const { bundleReport } = await import("./bundle-report");
  const dashboard = bundleReport().find((r) => r.route === "/projects/[projectId]");
  if (dashboard) {
    console.log(
      `Dashboard route first-load JS: ${dashboard.kB.toFixed(1)} kB (${dashboard.gzipKB.toFixed(1)} kB gzip), chart code in first load: ${dashboard.chartsInFirstLoad ? "yes" : "no"}`,
    );
  }
} catch {
  console.log("No production build: run `npm run build` for the first-load JavaScript report.");
}
