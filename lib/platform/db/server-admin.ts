// Statements on a PostgreSQL server's maintenance database, for what cannot run inside the database it
// concerns: creating and dropping databases (tests, the benchmark, the end-to-end servers).
import pg from "pg";

/** The URL of the same server with another database name. */
export function withDatabase(url: string, name: string): string {
  const other = new URL(url);
  other.pathname = `/${encodeURIComponent(name)}`;
  return other.toString();
}

export const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

export const quotedName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Does `work` with a client of the server of `url`, connected to its `postgres` database. */
async function withServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs the statements, in order, on the server of `url`. */
export function onServer(url: string, statements: string[]): Promise<void> {
  return withServer(url, async (client) => {
    for (const statement of statements) await client.query(statement);
  });
}

/** Creates the database `url` names when the server does not have it yet. */
export function createDatabaseIfMissing(url: string): Promise<void> {
  const name = databaseOf(url);
  return withServer(url, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quotedName(name)}`);
  });
}
