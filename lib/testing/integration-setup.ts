// Runs before each integration test file: a fresh copy of the run's demo database, closed afterwards.
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/lib/platform/db";
import { openTestDatabase, removeTestDatabase } from "./database";

beforeAll(async () => {
  await openTestDatabase(inject("databaseTemplate"));
}, 120_000);

afterAll(async () => {
  await closeDb();
  removeTestDatabase();
});
