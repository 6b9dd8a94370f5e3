// Migrations without Prisma's native schema-engine binary: the same engine compiled to WebAssembly,
// driven through a driver adapter. It records applied migrations in _prisma_migrations exactly as
// `prisma migrate deploy` does, so the standard CLI keeps working on the same folder.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { dropJobSchema } from "@/lib/platform/jobs/schema";
import type { DatabaseTarget } from "./adapter";

/** One folder of .prisma files: each feature may keep its models in a file of its own. */
export const schemaDir = path.resolve("prisma/schema");
export const migrationsDir = path.resolve("prisma/migrations");
const noFilter = { externalTables: [], externalEnums: [] };

let wasmReady = false;
function loadWasm() {
  if (wasmReady) return;
  const require = createRequire(import.meta.url);
  const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const module = new WebAssembly.Module(readFileSync(wasmFile));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": glue as never });
  const exports = instance.exports as { __wbindgen_start: () => void };
  (glue as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  wasmReady = true;
}

function schemaFiles() {
  return readdirSync(schemaDir)
    .filter((name) => name.endsWith(".prisma"))
    .sort()
    .map((name) => {
      const file = path.join(schemaDir, name);
      return { path: file, content: readFileSync(file, "utf8") };
    });
}

export async function startEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  loadWasm();
  const datamodels = schemaFiles().map((f) => [f.path, f.content] as [string, string]);
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  return glue.SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

export function readMigrations(): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const names = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies every migration not yet applied; returns their names. */
export async function applyMigrations(engine: SchemaEngine): Promise<string[]> {
  const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilter });
  return out.appliedMigrationNames;
}

/**
 * The SQL that takes the migration history to the current schema, or null when nothing changed.
 * The history is replayed on the engine's shadow database: run it on a throwaway database.
 */
export async function pendingSchemaChange(engine: SchemaEngine): Promise<string | null> {
  const migrations = readMigrations();
  const hasHistory = migrations.migrationDirectories.length > 0;
  const result = await engine.diff({
    from: hasHistory ? { tag: "migrations", ...migrations } : { tag: "empty" },
    to: { tag: "schemaDatamodel", files: schemaFiles() },
    script: true,
    exitCode: true,
    filters: noFilter,
  });
  return result.exitCode === 2 ? (result.stdout ?? "") : null;
}

/** Drops everything in the database, migration history included, and on PostgreSQL the job queue's schema. */
export async function resetDatabase(engine: SchemaEngine, target: DatabaseTarget): Promise<void> {
  await engine.reset({ filter: noFilter });
  if (target.kind === "postgres") await dropJobSchema(target.url);
}
