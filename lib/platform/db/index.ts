// The one Prisma client of the process, kept on globalThis so hot reloads do not open more.

import { PrismaClient } from "@/lib/generated/prisma/client";
import { configuredTarget, type DatabaseTarget, openAdapter } from "@/lib/platform/db/adapter";
import { env } from "@/lib/platform/env";
import { retryTransient } from "./transient";

/** Secret columns are left out of every query unless a caller asks for them explicitly. */
const omitSecrets = {
  user: { passwordHash: true },
  shareLink: { tokenHash: true },
  apiToken: { tokenHash: true },
  invitation: { tokenHash: true },
  passwordReset: { tokenHash: true },
} as const;

/** A statement as the client sent it: its SQL (placeholders $1, $2, …) and its parameters. */
export type SentQuery = { query: string; params: string };

function newClient(adapter: ReturnType<typeof openAdapter>["factory"], onQuery?: (sent: SentQuery) => void) {
  const client = new PrismaClient({
    adapter,
    omit: omitSecrets,
    log: onQuery ? [{ emit: "event" as const, level: "query" as const }] : [],
  });
  if (onQuery) client.$on("query", ({ query, params }) => onQuery({ query, params }));
  return retryingTransactions(client);
}

/** The client with every interactive transaction retried after a deadlock or serialization failure. */
function retryingTransactions<C extends { $transaction: unknown }>(client: C): C {
  const transaction = (client.$transaction as (...args: unknown[]) => Promise<unknown>).bind(client);
  const retrying = (...args: unknown[]) =>
    typeof args[0] === "function" ? retryTransient(() => transaction(...args)) : transaction(...args);
  return new Proxy(client, {
    get: (target, property) => (property === "$transaction" ? retrying : Reflect.get(target, property)),
  });
}

export type Db = ReturnType<typeof newClient>;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A client of its own with a close() that also shuts the embedded database cleanly (scripts, tests). */
export function connect(
  target: DatabaseTarget = configuredTarget(),
  onQuery?: (sent: SentQuery) => void,
): { prisma: Db; close: () => Promise<void> } {
  const adapter = openAdapter(target);
  const prisma = newClient(adapter.factory, onQuery);
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}

const holder = globalThis as unknown as {
  database?: ReturnType<typeof connect>;
  replica?: ReturnType<typeof connect>;
  /** Told every statement the shared clients send, when watchQueries set it (tests, the bench). */
  onQuery?: (sent: SentQuery) => void;
};

/** The app's shared client. */
export function db(): Db {
  holder.database ??= connect(configuredTarget(), holder.onQuery);
  return holder.database.prisma;
}

/**
 * The client for figures that may lag the primary by the replication delay (dashboards, donor views):
 * the read replica in DATABASE_REPLICA_URL when one is set beside a PostgreSQL primary, else db().
 */
export function readDb(): Db {
  const { DATABASE_URL, DATABASE_REPLICA_URL } = env();
  if (!DATABASE_URL || !DATABASE_REPLICA_URL) return db();
  holder.replica ??= connect({ kind: "postgres", url: DATABASE_REPLICA_URL }, holder.onQuery);
  return holder.replica.prisma;
}

/**
 * Tests and the bench: the shared clients opened again, telling every statement they send (read and
 * primary alike), until closeDb().
 */
export async function watchQueries(onQuery: (sent: SentQuery) => void): Promise<void> {
  await closeDb();
  holder.onQuery = onQuery;
}

/** Closes the shared clients (tests and scripts) and stops watching; the next db() call opens a new one. */
export async function closeDb(): Promise<void> {
  const open = [holder.database, holder.replica];
  holder.database = undefined;
  holder.replica = undefined;
  holder.onQuery = undefined;
  await Promise.all(open.map((client) => client?.close()));
}
