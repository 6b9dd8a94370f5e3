// The benchmark's import: a results CSV on disk (streamed, one value per row, into new periods of a
// project's monitoring indicators), against a baseline that parses the same file and inserts its rows with no checks at all.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { importMappingSchema } from "@/lib/domain/results/import-mapping";
import { csvRows } from "@/lib/formats/read/table-rows";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/platform/db";
import { importResults } from "@/lib/server/results/import/service";

export type ImportRow = { what: string; ms: number; heapMB: number };

/** A collection before each measurement, so heap growth is what the run itself holds. */
async function measure(run: () => Promise<unknown>) {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  const start = performance.now();
  await run();
  clearInterval(timer);
  return { ms: performance.now() - start, heapMB: (peak - before) / 1024 / 1024 };
}

export async function benchImport(prisma: Db, projectId: string, rows: number): Promise<ImportRow[]> {
  const project = await prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    include: { indicators: { where: { source: "MONITORING" } }, locations: { include: { location: true } } },
  });
  const regions = project.locations.map((l) => l.location).filter((l) => l.level === "ADMIN1");
  const perPeriod = project.indicators.length * regions.length;
  const periodCount = Math.ceil(rows / perPeriod);
  const importPeriods = (offset: number) =>
    Array.from({ length: periodCount }, (_, i) => ({
      projectId,
      label: `N${offset + i + 1}`,
      startDate: new Date(Date.UTC(2030, offset + i, 1)),
      endDate: new Date(Date.UTC(2030, offset + i + 1, 0)),
    }));
  // Two sets of new periods: one for the import, one for the baseline.
  await prisma.reportingPeriod.createMany({ data: [...importPeriods(0), ...importPeriods(periodCount)] });
  const periods = await prisma.reportingPeriod.findMany({ where: { projectId, label: { startsWith: "N" } } });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "me-import-")), "results.csv");
  const lines = ["indicator,region,period,value,numerator,denominator"];
  for (let n = 0; n < rows; n++) {
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
  const user = await prisma.user.create({
    data: { email: "importer@example.org", name: "Importer", passwordHash: "x" },
  });
  const evaluator = {
    kind: "user" as const,
    userId: user.id,
    isAdmin: false,
    roles: { [projectId]: "EVALUATOR" as const },
  };
  const rowsOfFile = () => csvRows(createReadStream(file));

  const baseline = await measure(async () => {
    const byName = new Map(regions.map((r) => [r.name, r.id]));
    const byCode = new Map(project.indicators.map((i) => [i.code, i.id]));
    const byLabel = new Map(periods.map((p) => [p.label, p.id]));
    let batch: Prisma.ResultCreateManyInput[] = [];
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
        periodId: byLabel.get(`N${Number(period.slice(1)) + periodCount}`) ?? null,
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
  if (!outcome?.imported)
    throw new Error(`The benchmark import did not import: ${JSON.stringify(outcome?.problems.slice(0, 3))}`);
  rmSync(path.dirname(file), { recursive: true, force: true });
  return [
    { what: `${rows} rows: parse + insert through Prisma, no checks (baseline)`, ...baseline },
    { what: "import preview (every check, nothing written)", ...check },
    { what: "import (checks, write, audit trail)", ...full },
  ];
}
