// A fresh, migrated database for one integration test file, on the backend named by TEST_DATABASE:
// "pglite" (a temporary embedded database) or "postgres" (TEST_DATABASE_URL, default the local `test`
// database). The app's db() client points at it, exactly as it would in production.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { configuredTarget, openAdapter } from "@/lib/db/adapter";
import { applyMigrations, resetDatabase, startEngine } from "@/lib/db/schema-engine";

export const testBackend = process.env.TEST_DATABASE === "postgres" ? "postgres" : "pglite";

let tempDir: string | undefined;

/** Points the app's configuration at an empty test database and applies the migrations. */
export async function prepareTestDatabase(): Promise<void> {
  if (testBackend === "postgres") {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  } else {
    delete process.env.DATABASE_URL;
    tempDir = mkdtempSync(path.join(tmpdir(), "me-dashboard-test-"));
    process.env.DATA_DIR = tempDir;
  }
  const target = configuredTarget();
  const adapter = openAdapter(target);
  const engine = await startEngine(adapter.factory);
  try {
    if (testBackend === "postgres") await resetDatabase(engine, target);
    await applyMigrations(engine);
  } finally {
    engine.free();
    await adapter.close();
  }
}

export function removeTestDatabase(): void {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
