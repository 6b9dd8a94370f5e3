// Backups of the one database: PostgreSQL through pg_dump / pg_restore (custom format), the embedded
// PGlite folder through PGlite's own dump (a consistent tarball of its data directory, taken while no
// other process has it open, which the folder lock guarantees).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { DatabaseTarget } from "@/lib/platform/db/adapter";
import { lockFolder } from "@/lib/platform/db/folder-lock";
import { JOB_SCHEMA } from "@/lib/platform/jobs/schema";

function run(command: string, args: string[]) {
  const done = spawnSync(command, args, { encoding: "utf8" });
  if (done.error)
    throw new Error(`${command} could not run (${done.error.message}): install the PostgreSQL client tools.`);
  if (done.status !== 0) throw new Error(`${command} failed:\n${done.stderr}`);
}

/** Writes a backup of the database to `file`. */
export async function backupDatabase(target: DatabaseTarget, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.kind === "postgres") {
    // Queued jobs are left out: transient, and their partitioned tables would not restore over a live queue.
    run("pg_dump", ["--format=custom", "--no-owner", `--exclude-schema=${JOB_SCHEMA}`, `--file=${file}`, target.url]);
    return;
  }
  if (!existsSync(target.dir)) throw new Error(`No embedded database in ${target.dir}.`);
  const unlock = lockFolder(target.dir);
  const pglite = new PGlite(target.dir);
  try {
    await pglite.waitReady; // a dump asked for before the database is up never completes
    const dump = await pglite.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
    unlock();
  }
}

/**
 * Restores a backup. PostgreSQL: into the configured database, replacing what it holds. PGlite: into a
 * new data folder; the current one is kept beside it, renamed, never deleted.
 */
export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<string | null> {
  if (!existsSync(file)) throw new Error(`No backup file ${file}.`);
  if (target.kind === "postgres") {
    run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${target.url}`, file]);
    return null;
  }
  const unlock = lockFolder(target.dir);
  try {
    const kept = existsSync(target.dir) ? `${target.dir}.before-restore-${Date.now()}` : null;
    if (kept) renameSync(target.dir, kept);
    const pglite = new PGlite(target.dir, { loadDataDir: new Blob([readFileSync(file)]) });
    await pglite.waitReady;
    await pglite.query("SELECT 1");
    await pglite.close();
    return kept;
  } finally {
    unlock();
  }
}
