import { afterEach, expect, test, vi } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import { projectId } from "@/lib/testing/principals";
import { changesSinceLastReport } from "./changes";

// Two days after the same report (2021-Q3 ended on 2021-09-30): on October 2 the final evaluation
// (October 4 to November 26) has not begun, so none of its values count; by December 20 it has, and
// its values, approved on December 16, are what changed since that report.
const early = "2021-10-02";
const late = "2021-12-20";

afterEach(() => {
  vi.useRealTimers();
});

const codes = (changes: Awaited<ReturnType<typeof changesSinceLastReport>>) =>
  changes?.changes.map((c) => c.code).sort();

test("what changed since the last report is kept per as-of day: two days after one report each get their own", async () => {
  const peru = await projectId("PE-VEN-2021");
  const donor = { kind: "share" as const, linkId: "x", projectId: peru };
  const day = (d: string) => AsOf.parse(d);

  const first = await changesSinceLastReport(donor, peru, { asOf: day(early) });
  expect(first).toMatchObject({ periodLabel: "2021-Q3", changes: [] });
  const second = await changesSinceLastReport(donor, peru, { asOf: day(late) });
  expect(second?.periodLabel).toBe("2021-Q3");
  expect(second?.changes.length).toBeGreaterThan(0);
  expect(second?.changes.every((c) => c.times.includes("Final evaluation"))).toBe(true);
  // Asked again, each day still gets its own.
  expect(codes(await changesSinceLastReport(donor, peru, { asOf: day(early) }))).toEqual([]);
  expect(codes(await changesSinceLastReport(donor, peru, { asOf: day(late) }))).toEqual(codes(second));
});

test("without an as-of date, what changed follows today's date, not the day it was first computed", async () => {
  const peru = await projectId("PE-VEN-2021");
  const donor = { kind: "share" as const, linkId: "y", projectId: peru };
  vi.useFakeTimers({ toFake: ["Date"] });

  vi.setSystemTime(new Date(`${late}T12:00:00Z`));
  const expected = codes(await changesSinceLastReport(donor, peru));
  expect(expected?.length).toBeGreaterThan(0);
  vi.setSystemTime(new Date(`${early}T12:00:00Z`));
  expect(codes(await changesSinceLastReport(donor, peru))).toEqual([]);
  vi.setSystemTime(new Date(`${late}T12:00:00Z`));
  expect(codes(await changesSinceLastReport(donor, peru))).toEqual(expected);
});
