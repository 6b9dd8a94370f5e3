// Chooses the database backend: a PostgreSQL server when DATABASE_URL is set, embedded PGlite otherwise.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env, pgliteDir } from "@/lib/platform/env";
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

type ScriptRunner = { executeScript(script: string): Promise<void>; onError?(error: unknown): never };

/**
 * Migration scripts run whole, as PostgreSQL and `prisma migrate deploy` run them: Prisma's pg adapter
 * splits them at every ";" (which breaks function bodies), and the PGlite one does not wait for them
 * (so a failing migration would pass). `run` sends the whole script to the database.
 */
function wholeScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (adapter: object, script: string) => Promise<unknown>,
): SqlMigrationAwareDriverAdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    (adapter as unknown as ScriptRunner).executeScript = async (script) => {
      try {
        await run(adapter, script);
      } catch (error) {
        const onError = (adapter as unknown as ScriptRunner).onError;
        if (onError) onError.call(adapter, error);
        throw error;
      }
    };
    return adapter;
  };
  return factory;
}

export function openAdapter(target: DatabaseTarget = configuredTarget()): OpenAdapter {
  if (target.kind === "postgres") {
    const factory = wholeScripts(new PrismaPg({ connectionString: target.url }), (adapter, script) =>
      (adapter as { client: { query(sql: string): Promise<unknown> } }).client.query(script),
    );
    return { factory, close: async () => {} };
  }
  const inMemory = target.dir.startsWith("memory://");
  if (!inMemory) mkdirSync(target.dir, { recursive: true });
  const unlock = inMemory ? () => {} : lockFolder(target.dir);
  const pglite = new PGlite(target.dir);
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; the runtime contract is the same.
  const factory = wholeScripts(
    new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    (_, script) => pglite.exec(script),
  );
  return {
    factory,
    close: async () => {
      await pglite.close();
      unlock();
    },
  };
}
