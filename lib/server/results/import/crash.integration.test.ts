// kill -9 of a process in the middle of a large import: once the database is opened again (PGlite
// recovers from its write-ahead log; PostgreSQL rolls the transaction back), the project holds all of
// the import or none of it, and the audit trail matches. CRASH_VALUES sets the size (default 6,000;
// 50,000 for the full check).
import { spawn } from "node:child_process";
import { expect, test } from "vitest";
import { closeDb, db } from "@/lib/platform/db";
import { addDailyPeriods } from "@/lib/testing/periods";
import { projectId } from "@/lib/testing/principals";

const VALUES = Number(process.env.CRASH_VALUES ?? 6000);
const PER_PERIOD = 15; // 5 places x (female, male, total)

function runAndKill(args: string[], afterMs: number): Promise<{ killed: boolean; finished: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    // node itself (not npx, whose child would survive a SIGKILL of npx), with tsx as its loader.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "lib/testing/crash-import-child.ts", ...args],
      {
        env: process.env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!timer && output.includes("importing")) timer = setTimeout(() => child.kill("SIGKILL"), afterMs);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === "SIGKILL", finished: output.includes("done"), output });
    });
  });
}

test(`an import killed mid-write leaves all of it or none of it (${VALUES} values)`, { timeout: 600_000 }, async () => {
  const peru = await projectId("PE-VEN-2021");
  const outcomes: string[] = [];
  for (const [attempt, delay] of [300, 900, 1800].entries()) {
    const periods = Math.ceil(VALUES / PER_PERIOD);
    const labels = Array.from({ length: periods }, (_, i) => `crash-${attempt}-${i}`);
    await addDailyPeriods(peru, labels, Date.UTC(2100 + attempt * 20, 0, 1));
    await closeDb(); // the embedded database serves one process: the child's, until it dies
    const run = await runAndKill([peru, labels.join(",")], delay);
    expect(run.killed || run.finished, run.output).toBe(true);
    const values = await db().result.count({ where: { period: { label: { startsWith: `crash-${attempt}-` } } } });
    const audited = await db().auditEvent.count({
      where: {
        action: "result.import",
        entityId: {
          in: (
            await db().result.findMany({
              where: { period: { label: { startsWith: `crash-${attempt}-` } } },
              select: { id: true },
            })
          ).map((r) => r.id),
        },
      },
    });
    expect([0, periods * PER_PERIOD]).toContain(values);
    expect(audited).toBe(values);
    outcomes.push(`${run.killed ? "killed" : "finished"} after ${delay} ms: ${values ? "all" : "none"}`);
  }
  console.log(`crash test (${VALUES} values): ${outcomes.join("; ")}`);
  // The database works after the crashes: a new value can be written and read.
  expect(await db().project.count()).toBeGreaterThan(0);
});
