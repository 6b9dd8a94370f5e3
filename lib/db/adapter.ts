// Chooses the database backend: a PostgreSQL server when DATABASE_URL is set, embedded PGlite otherwise.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env, pgliteDir } from "@/lib/env";
import { lockFolder } from "./folder-lock";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export function configuredTarget(): DatabaseTarget {
  const url = env().DATABASE_URL;
  return url ? { kind: "postgres", url } : { kind: "pglite", dir: pgliteDir() };
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === "postgres"
    ? `PostgreSQL at ${new URL(target.url).host}${new URL(target.url).pathname}`
    : `embedded PGlite in ${target.dir}`;
}

export type OpenAdapter = { factory: SqlMigrationAwareDriverAdapterFactory; close: () => Promise<void> };

export function openAdapter(target: DatabaseTarget = configuredTarget()): OpenAdapter {
  if (target.kind === "postgres") {
    return { factory: new PrismaPg({ connectionString: target.url }), close: async () => {} };
  }
  const inMemory = target.dir.startsWith("memory://");
  if (!inMemory) mkdirSync(target.dir, { recursive: true });
  const unlock = inMemory ? () => {} : lockFolder(target.dir);
  const pglite = new PGlite(target.dir);
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; the runtime contract is the same.
  const factory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return {
    factory,
    close: async () => {
      await pglite.close();
      unlock();
    },
  };
}
