// A fresh database with the demo data for each integration test file, on the backend named by
// TEST_DATABASE: "pglite" (a temporary embedded database) or "postgres" (TEST_DATABASE_URL, default the
// local `test` database). The app's db() client points at it, exactly as it would in production.
// Migrating and loading the demo take seconds, so they run once per test run into a template (a PGlite
// folder, a PostgreSQL template database) that each file copies.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDb, db } from "@/lib/platform/db";
import { configuredTarget, openAdapter } from "@/lib/platform/db/adapter";
import { applyMigrations, startEngine } from "@/lib/platform/db/schema-engine";
import { databaseOf, onServer, quotedName as quoted, withDatabase } from "@/lib/platform/db/server-admin";
import { loadDemoData } from "@/prisma/demo/load";

export const testBackend = process.env.TEST_DATABASE === "postgres" ? "postgres" : "pglite";

const testUrl = () => process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Migrates the configured empty database and loads the demo data into it. */
async function migrateAndLoadDemo(): Promise<void> {
  const adapter = openAdapter(configuredTarget());
  const engine = await startEngine(adapter.factory);
  try {
    await applyMigrations(engine);
  } finally {
    engine.free();
    await adapter.close();
  }
  await loadDemoData(db());
  await closeDb();
}

/**
 * Builds the run's template (once, before any file): returns what `openTestDatabase` copies, a PGlite
 * data folder or a PostgreSQL template database's name.
 */
export async function makeTemplate(): Promise<string> {
  if (testBackend === "postgres") {
    const name = `${databaseOf(testUrl())}_template`;
    await onServer(testUrl(), [
      `DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`,
      `CREATE DATABASE ${quoted(name)}`,
    ]);
    process.env.DATABASE_URL = withDatabase(testUrl(), name);
    await migrateAndLoadDemo();
    // Nobody connects to it any more (autovacuum included), so each copy can start at once.
    await onServer(testUrl(), [`ALTER DATABASE ${quoted(name)} WITH ALLOW_CONNECTIONS false`]);
    return name;
  }
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "me-dashboard-template-"));
  await migrateAndLoadDemo();
  return process.env.DATA_DIR;
}

export async function removeTemplate(template: string): Promise<void> {
  if (testBackend === "postgres")
    await onServer(testUrl(), [`DROP DATABASE IF EXISTS ${quoted(template)} WITH (FORCE)`]);
  else rmSync(template, { recursive: true, force: true });
}

/** CREATE DATABASE … TEMPLATE, again while a connection made before the template was closed lingers. */
async function copyDatabase(template: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await onServer(testUrl(), [`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)}`]);
    } catch (error) {
      const inUse = (error as { code?: string }).code === "55006"; // object_in_use
      if (!inUse || attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

let tempDir: string | undefined;

/** Points the app's configuration at a new copy of the template. */
export async function openTestDatabase(template: string): Promise<void> {
  if (testBackend === "postgres") {
    const name = databaseOf(testUrl());
    await onServer(testUrl(), [`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`]);
    await copyDatabase(template, name);
    process.env.DATABASE_URL = testUrl();
    return;
  }
  delete process.env.DATABASE_URL;
  tempDir = mkdtempSync(path.join(tmpdir(), "me-dashboard-test-"));
  cpSync(template, tempDir, { recursive: true });
  process.env.DATA_DIR = tempDir;
}

export function removeTestDatabase(): void {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
