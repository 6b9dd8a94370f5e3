// Whether this instance can serve: the database answers and every migration on disk is applied.
// Used by /api/ready (load balancers, `docker compose` health checks) and the tests.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { type Db, db } from "@/lib/platform/db";

export type Readiness = { ready: boolean; database: "up" | "down"; pendingMigrations: string[] };

const migrationsDir = path.resolve("prisma/migrations");

function migrationsOnDisk(): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export async function readiness(prisma: Db): Promise<Readiness> {
  try {
    const applied = await prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((m) => m.migration_name));
    const pendingMigrations = migrationsOnDisk().filter((m) => !done.has(m));
    return { ready: pendingMigrations.length === 0, database: "up", pendingMigrations };
  } catch {
    return { ready: false, database: "down", pendingMigrations: [] };
  }
}

/** This instance's readiness, on its own database (what /api/ready answers unless the instance is draining). */
export function instanceReadiness(): Promise<Readiness> {
  return readiness(db());
}
