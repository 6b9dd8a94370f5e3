// Runs before each integration test file: a fresh database with the demo data, closed afterwards.
import { afterAll, beforeAll } from "vitest";
import { closeDb, db } from "@/lib/db";
import { loadDemoData } from "@/prisma/demo/load";
import { prepareTestDatabase, removeTestDatabase } from "./database";

beforeAll(async () => {
  await prepareTestDatabase();
  await loadDemoData(db());
}, 120_000);

afterAll(async () => {
  await closeDb();
  removeTestDatabase();
});
