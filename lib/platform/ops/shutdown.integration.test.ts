// SIGTERM to a process serving from the database: it says it is draining, and closes the database
// before it exits (the embedded database's folder lock is gone afterwards).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { expect, test } from "vitest";
import { closeDb } from "@/lib/platform/db";
import { configuredTarget } from "@/lib/platform/db/adapter";

test("a stopped server drains, closes its database, then exits", { timeout: 60_000 }, async () => {
  await closeDb(); // the embedded database serves one process: the child's
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "lib/testing/shutdown-child.ts"],
    {
      env: { ...process.env, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("up")) resolve();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", () => reject(new Error(output)));
  });
  child.kill("SIGTERM");
  expect(await exited, output).toBe(143);
  expect(output).toContain('ready: 503 {"status":"draining","ready":false}');
  expect(output).toContain('"msg":"database closed"');
  const target = configuredTarget();
  if (target.kind === "pglite") expect(existsSync(`${target.dir}.lock`)).toBe(false);
});
