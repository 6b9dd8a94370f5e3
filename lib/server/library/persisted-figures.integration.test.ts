import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { persistedLinkFigures, persistLinkFigures } from "./persisted-figures";
import type { LinkFigures } from "./series-cache";

const place = { placeId: "pl-1", ancestorIds: ["c-1"], country: "PE", region: "latam" };
const figuresAt = (value: number): LinkFigures => ({
  values: [
    {
      ...place,
      value,
      numerator: null,
      denominator: null,
      start: new Date("2025-01-01T00:00:00.000Z"),
      end: new Date("2025-03-31T00:00:00.000Z"),
    },
  ],
  targets: [
    { ...place, value: 500, numerator: null, denominator: null, start: null, end: null },
    {
      ...place,
      value: 0.4,
      numerator: 2,
      denominator: 5,
      start: new Date("2025-01-01T00:00:00.000Z"),
      end: new Date("2025-12-31T00:00:00.000Z"),
    },
  ],
  countryNames: [["PE", "Peru"]],
});

test("a link's figures are read back identical (dates as dates), for their version, day and regions only", async () => {
  await persistLinkFigures([{ indicatorId: "ind-a", dataVersion: 3, figures: figuresAt(40) }], "2026-12-08", "r1");
  const read = await persistedLinkFigures([{ indicatorId: "ind-a", dataVersion: 3 }], "2026-12-08", "r1");
  expect(read.get("ind-a")).toStrictEqual(figuresAt(40));
  // Never for an older or a newer version, another day or another layout of the regions.
  for (const [version, day, regions] of [
    [2, "2026-12-08", "r1"],
    [4, "2026-12-08", "r1"],
    [3, "2026-12-09", "r1"],
    [3, "2026-12-08", "r2"],
  ] as const) {
    const other = await persistedLinkFigures([{ indicatorId: "ind-a", dataVersion: version }], day, regions);
    expect(other.size, `${version} ${day} ${regions}`).toBe(0);
  }
});

test("a newer version's figures replace the older ones; another indicator's stay", async () => {
  await persistLinkFigures(
    [
      { indicatorId: "ind-b", dataVersion: 1, figures: figuresAt(1) },
      { indicatorId: "ind-c", dataVersion: 7, figures: figuresAt(7) },
    ],
    "2026-12-08",
    "r1",
  );
  await persistLinkFigures([{ indicatorId: "ind-b", dataVersion: 2, figures: figuresAt(2) }], "2026-12-08", "r1");
  const rows = await db().linkFiguresAggregate.findMany({
    where: { indicatorId: { in: ["ind-b", "ind-c"] } },
    orderBy: [{ indicatorId: "asc" }, { dataVersion: "asc" }],
    select: { indicatorId: true, dataVersion: true },
  });
  expect(rows).toEqual([
    { indicatorId: "ind-b", dataVersion: 2 },
    { indicatorId: "ind-c", dataVersion: 7 },
  ]);
  const read = await persistedLinkFigures(
    [
      { indicatorId: "ind-b", dataVersion: 2 },
      { indicatorId: "ind-c", dataVersion: 7 },
    ],
    "2026-12-08",
    "r1",
  );
  expect(read.get("ind-b")?.values[0]?.value).toBe(2);
  expect(read.get("ind-c")?.values[0]?.value).toBe(7);
  // A second write of the same key keeps the first (computed from the same version's data).
  await persistLinkFigures([{ indicatorId: "ind-c", dataVersion: 7, figures: figuresAt(7) }], "2026-12-08", "r1");
  expect(await db().linkFiguresAggregate.count({ where: { indicatorId: "ind-c" } })).toBe(1);
});

test("the next day's figures drop the day before's", async () => {
  await persistLinkFigures([{ indicatorId: "ind-d", dataVersion: 1, figures: figuresAt(1) }], "2026-12-08", "r1");
  await persistLinkFigures([{ indicatorId: "ind-d", dataVersion: 1, figures: figuresAt(1) }], "2026-12-09", "r1");
  const days = await db().linkFiguresAggregate.findMany({ where: { indicatorId: "ind-d" }, select: { asOfDay: true } });
  expect(days).toEqual([{ asOfDay: "2026-12-09" }]);
});
