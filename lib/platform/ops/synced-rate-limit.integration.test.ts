import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { addAttempts } from "@/lib/platform/ops/shared-rate-limit";
import { allowSyncedRequest, databaseCounter, settledForTests } from "@/lib/platform/ops/synced-rate-limit";

const count = async (key: string) => (await db().rateLimit.findUnique({ where: { key } }))?.count ?? null;

test("one process alone counts in memory and never writes", async () => {
  const answers = Array.from({ length: 5 }, () => allowSyncedRequest("alone", 3, 60_000, null));
  expect(answers).toEqual([true, true, true, false, false]);
  expect(await count("alone")).toBeNull();
});

test("a client over the limit across instances is refused here too, and this instance's count is shared", async () => {
  // Another instance has already served this client its whole allowance.
  await addAttempts(db(), "spread", 5, 60_000);
  expect(allowSyncedRequest("spread", 5, 60_000, databaseCounter)).toBe(true); // not known here yet
  await settledForTests();
  expect(await count("spread")).toBe(6);
  expect(allowSyncedRequest("spread", 5, 60_000, databaseCounter)).toBe(false);
  // Requests between syncs are not written one by one.
  for (let i = 0; i < 20; i++) allowSyncedRequest("spread", 5, 60_000, databaseCounter);
  await settledForTests();
  expect(await count("spread")).toBe(6);
});

test("old windows are swept", async () => {
  await db().rateLimit.create({ data: { key: "gone", windowStart: new Date(Date.now() - 2 * 86_400_000), count: 1 } });
  await databaseCounter.sweep();
  expect(await count("gone")).toBeNull();
});
