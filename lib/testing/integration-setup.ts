// Runs before each integration test file: a fresh copy of the run's demo database, closed afterwards.
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { openTestDatabase, removeTestDatabase } from "./database";

// The tests' fake KoboToolbox, ODK Central and webhook receivers listen on 127.0.0.1, which the app
// refuses to reach unless told (lib/platform/net/outbound.ts); a test of that refusal turns it off.
process.env.ALLOW_PRIVATE_NETWORK_TARGETS ??= "1";
reloadEnv();

beforeAll(async () => {
  await openTestDatabase(inject("databaseTemplate"));
}, 120_000);

afterAll(async () => {
  await closeDb();
  removeTestDatabase();
});
