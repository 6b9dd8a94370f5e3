// Measurements behind docs/architecture.md, "Libraries we use and the ones we do not": the hand-written
// CSV reader and rate limiters against the libraries that would replace them (csv-parse,
// rate-limiter-flexible). Those are not dependencies of the app, so they are loaded from a scratch folder:
//   mkdir -p /tmp/libs && npm --prefix /tmp/libs install csv-parse@7.0.3 rate-limiter-flexible@11.4.0
//   LIBS=/tmp/libs node --expose-gc --import tsx scripts/bench/libraries.ts
// Each CSV reading runs in a process of its own (its peak memory is the process's); times are the
// median of 3. Compare runs on one machine only.
import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { TableRow } from "@/lib/domain/imports/table-row";
import { csvRows, MAX_CELL_CHARS, MAX_TABLE_COLUMNS } from "@/lib/formats/read/table-rows";
import { allowRequest } from "@/lib/platform/ops/rate-limit";

const libs = createRequire(path.join(process.env.LIBS ?? "/tmp/libs", "node_modules", "_.js"));
const MB = 1024 * 1024;

const csvFiles: Record<string, { separator: string; text: () => string }> = {
  "300,000 rows, 30 MB (quoted newlines, decimal commas)": {
    separator: ";",
    text: () =>
      [
        "indicator;location;period;value;disaggregation;note;unit;source",
        ...Array.from(
          { length: 300_000 },
          (_, i) =>
            `OP1.${i % 50}.1;PE-${i % 25};2024-Q${(i % 4) + 1};${i % 997},5;"Mujeres; 15-29";"dice ""ok""\nsegunda línea";personas;Encuesta ${i}`,
        ),
      ].join("\r\n"),
  },
  "100 MB of separators on one line": { separator: ",", text: () => ",".repeat(100 * MB) },
  "100 MB cell opened by a quote, never closed": { separator: ",", text: () => `"${"x".repeat(100 * MB)}` },
};

/**
 * csvRows' contract on csv-parse (Node's own UTF-8 decoding, the separator given): limits checked per
 * record, or with `perCell` as each cell ends (its `cast` hook, the only one called per cell).
 */
async function* csvParseRows(file: string, separator: string, perCell = false): AsyncGenerator<TableRow> {
  const { parse } = libs("csv-parse") as { parse: (options: object) => NodeJS.ReadWriteStream };
  const options = { delimiter: separator, bom: true, record_delimiter: ["\r\n", "\n"], relax_quotes: true };
  const cast = (value: string, context: { index: number }) => {
    if (context.index >= MAX_TABLE_COLUMNS) throw Object.assign(new Error(), { code: "tooManyColumns" });
    if (value.length > MAX_CELL_CHARS) throw Object.assign(new Error(), { code: "cellTooLong" });
    return value;
  };
  const parser = createReadStream(file, "utf8").pipe(
    parse({ ...options, relax_column_count: true, ...(perCell ? { cast } : {}) }),
  );
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    row++;
    if (cells.length > MAX_TABLE_COLUMNS) throw Object.assign(new Error(), { code: "tooManyColumns" });
    if (cells.some((c) => c.length > MAX_CELL_CHARS)) throw Object.assign(new Error(), { code: "cellTooLong" });
    if (cells.some((c) => c !== "")) yield { row, cells };
  }
}

/** One reading, in this process: its outcome, time and the process's peak memory, as a JSON line. */
async function readOnce(file: string, separator: string, reader: string) {
  const started = performance.now();
  let outcome = "read";
  let rows = 0;
  try {
    const read = reader.startsWith("csv-parse")
      ? csvParseRows(file, separator, reader.endsWith("cast"))
      : csvRows(createReadStream(file));
    for await (const _ of read) rows++;
  } catch (error) {
    outcome = (error as { code?: string }).code ?? String(error);
  }
  const ms = Math.round(performance.now() - started);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ outcome: outcome === "read" ? `${rows} rows` : outcome, ms, peakMb }));
}

function csv(folder: string) {
  const file = path.join(folder, "table.csv");
  for (const [name, { separator, text }] of Object.entries(csvFiles)) {
    writeFileSync(file, text());
    console.log(name);
    const readers = ["hand-written csvRows", "csv-parse", ...(separator === ";" ? ["csv-parse, limits in cast"] : [])];
    for (const reader of readers) {
      const args = [...process.execArgv, fileURLToPath(import.meta.url), "read", file, separator, reader];
      const runs = [1, 2, 3]
        .map(() => JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8" })) as { ms: number })
        .sort((a, b) => a.ms - b.ms);
      console.log(`  ${reader}:`, runs[1]);
    }
  }
}

async function rateLimits() {
  const flexible = libs("rate-limiter-flexible") as {
    RateLimiterPostgres: new (options: object, ready: (error?: Error) => void) => unknown;
    RateLimiterMemory: new (options: object) => { consume: (key: string) => Promise<unknown> };
  };
  const pglite = new PGlite();
  for (const storeType of [undefined, "client", "pool"]) {
    const outcome = await new Promise<string>((resolve) => {
      try {
        const options = { storeClient: pglite, storeType, points: 5, duration: 60 };
        new flexible.RateLimiterPostgres(options, (error) => resolve(error ? String(error) : "works"));
      } catch (error) {
        resolve(String(error));
      }
    });
    console.log(`RateLimiterPostgres on PGlite, storeType ${storeType}: ${outcome}`);
  }
  await pglite.close();
  const keys = 200_000;
  const address = (i: number) => `share:10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`;
  const heap = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  };
  let before = heap();
  for (let i = 0; i < keys; i++) allowRequest(address(i), 120, 60_000);
  console.log(`${keys} client addresses in a minute, allowRequest: ${Math.round((heap() - before) / MB)} MB heap`);
  const memory = new flexible.RateLimiterMemory({ points: 120, duration: 60 });
  before = heap();
  for (let i = 0; i < keys; i++) await memory.consume(address(i));
  console.log(`${keys} client addresses in a minute, RateLimiterMemory: ${Math.round((heap() - before) / MB)} MB heap`);
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === "read") {
  const [file = "", separator = ",", reader = ""] = rest;
  await readOnce(file, separator, reader);
} else {
  const folder = mkdtempSync(path.join(tmpdir(), "libraries-"));
  try {
    csv(folder);
    await rateLimits();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
process.exit(0);
