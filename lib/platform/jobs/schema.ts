// Where PostgreSQL's job queue keeps its tables: a schema of its own, outside the app's migrations.
// Jobs are transient (a queued import's file is in the app's own tables): a reset drops them, and
// backups leave them out.
import pg from "pg";

export const JOB_SCHEMA = "pgboss";

/** Drops the queue's schema with every job in it (a database reset: `npm run db:reset`, the tests). */
export async function dropJobSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${JOB_SCHEMA} CASCADE`);
  } finally {
    await client.end();
  }
}
