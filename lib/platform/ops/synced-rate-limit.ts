// A rate limit for high-volume reads (donor views) that every app instance sees, without a database
// write per request: each process counts in memory (lib/platform/ops/rate-limit.ts) and adds what it counted to the
// shared row at most once a second per key, learning the other instances' counts in return. A client
// spread over several instances is cut within about a second of passing the limit; one process alone
// (the embedded database allows only one) is exact and never writes.

import { db } from "@/lib/platform/db";
import { configuredTarget } from "@/lib/platform/db/adapter";
import { log } from "@/lib/platform/ops/log";
import { allowRequest } from "@/lib/platform/ops/rate-limit";
import { addAttempts, sweepAttempts } from "@/lib/platform/ops/shared-rate-limit";

const SYNC_INTERVAL_MS = 1_000;
const SWEEP_INTERVAL_MS = 10 * 60_000;
/** Longer than any window the app uses (sign-in counts 15 minutes, invitations an hour). */
const SWEEP_AFTER_MS = 24 * 60 * 60_000;
const MAX_KEYS = 10_000;

type Shared = { total: number; syncedAt: number; triedAt: number; unsynced: number; syncing: boolean };
const shared = new Map<string, Shared>();
let sweptAt = 0;

export type SharedCounter = {
  add(key: string, attempts: number, windowMs: number): Promise<number>;
  sweep(): Promise<void>;
};

export const databaseCounter: SharedCounter = {
  add: async (key, attempts, windowMs) => (await addAttempts(db(), key, attempts, windowMs)).count,
  sweep: () => sweepAttempts(db(), SWEEP_AFTER_MS),
};

/** The shared store when several app processes may run (a PostgreSQL server), none otherwise. */
function defaultCounter(): SharedCounter | null {
  return configuredTarget().kind === "postgres" ? databaseCounter : null;
}

/** Counts one request under `key`; allowed while neither this process nor all of them together passed `limit`. */
export function allowSyncedRequest(
  key: string,
  limit: number,
  windowMs: number,
  counter: SharedCounter | null = defaultCounter(),
  now = Date.now(),
): boolean {
  const allowedHere = allowRequest(key, limit, windowMs, now);
  if (!counter) return allowedHere;
  const state = stateOf(key);
  state.unsynced += 1;
  if (!state.syncing && now - state.triedAt >= SYNC_INTERVAL_MS) sync(key, state, windowMs, counter, now);
  if (now - sweptAt >= SWEEP_INTERVAL_MS) {
    sweptAt = now;
    counter.sweep().catch((error) => log.warn({ err: error }, "rate limit sweep failed"));
  }
  // A total learned longer ago than a window is stale: the shared window has started again since.
  const others = now - state.syncedAt < windowMs ? state.total : 0;
  return allowedHere && others + state.unsynced <= limit;
}

function stateOf(key: string): Shared {
  let state = shared.get(key);
  if (!state) {
    while (shared.size >= MAX_KEYS) {
      const oldest = shared.keys().next().value;
      if (oldest === undefined) break;
      shared.delete(oldest);
    }
    state = { total: 0, syncedAt: 0, triedAt: 0, unsynced: 0, syncing: false };
    shared.set(key, state);
  }
  return state;
}

/** Adds this process's count to the shared one in the background; the request never waits for it. */
function sync(key: string, state: Shared, windowMs: number, counter: SharedCounter, now: number) {
  const attempts = state.unsynced;
  state.unsynced = 0;
  state.syncing = true;
  state.triedAt = now;
  counter
    .add(key, attempts, windowMs)
    .then((total) => {
      state.total = total;
      state.syncedAt = Date.now();
    })
    .catch((error) => {
      state.unsynced += attempts; // counted again next time
      log.warn({ err: error }, "rate limit sync failed");
    })
    .finally(() => {
      state.syncing = false;
    });
}

/** Waits for the syncs in flight (tests). */
export async function settledForTests(): Promise<void> {
  while ([...shared.values()].some((state) => state.syncing)) await new Promise((resolve) => setTimeout(resolve, 5));
}
