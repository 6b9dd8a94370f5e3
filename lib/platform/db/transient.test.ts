import { expect, test } from "vitest";
import { isTransientConflict, retryTransient } from "./transient";

test("deadlocks and serialization failures are transient, through Prisma or its driver adapter; others are not", () => {
  expect(isTransientConflict({ code: "P2034" })).toBe(true);
  expect(
    isTransientConflict({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "40P01" } } } }),
  ).toBe(true);
  expect(isTransientConflict(new Error("x", { cause: { code: "40001" } }))).toBe(true);
  expect(isTransientConflict(new Error("deadlock detected"))).toBe(true);
  expect(isTransientConflict({ code: "P2002" })).toBe(false);
  expect(isTransientConflict(new Error("unique constraint"))).toBe(false);
  expect(isTransientConflict(null)).toBe(false);
});

test("a transient failure is run again, a lasting one is given up after the attempts, others at once", async () => {
  let calls = 0;
  expect(
    await retryTransient(async () => {
      calls++;
      if (calls < 3) throw { code: "P2034" };
      return "done";
    }),
  ).toBe("done");
  calls = 0;
  await expect(
    retryTransient(async () => {
      calls++;
      throw { code: "P2034" };
    }, 3),
  ).rejects.toEqual({ code: "P2034" });
  expect(calls).toBe(3);
  calls = 0;
  await expect(
    retryTransient(async () => {
      calls++;
      throw new Error("not transient");
    }),
  ).rejects.toThrow("not transient");
  expect(calls).toBe(1);
});
