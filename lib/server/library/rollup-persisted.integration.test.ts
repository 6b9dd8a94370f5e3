// The roll-up reads the figures another instance persisted, for the project's current data version only.
// This file's process has computed nothing before its first roll-up, as an instance that has just started.
import { expect, test } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import { db } from "@/lib/platform/db";
import { principalFor } from "@/lib/testing/principals";
import { persistedLinkFigures, persistLinkFigures } from "./persisted-figures";
import { listRegions } from "./regions";
import { libraryRollup } from "./rollup";
import { regionsKey } from "./series-cache";

test("a roll-up reads figures persisted at each project's current version, and persists what it computes", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
  const linked = await db().indicator.findFirstOrThrow({
    where: { code: "OP1.1.1", project: { code: "PE-VEN-2021" } },
    include: { project: { select: { id: true, dataVersion: true } } },
  });
  const regions = await listRegions();
  const layout = regionsKey(new Map(regions.flatMap((r) => r.countries.map((c) => [c, r.key] as const))));
  const day = AsOf.today().toKey();
  // Another instance's figures for Peru's indicator at its current version: one value of 777 in Lima.
  const lima = await db().location.findFirstOrThrow({ where: { name: "Lima" } });
  const elsewhere = {
    values: [
      {
        placeId: lima.id,
        ancestorIds: [lima.parentId ?? ""],
        country: "PE",
        region: regions.find((r) => r.countries.includes("PE"))?.key ?? "",
        value: 777,
        numerator: null,
        denominator: null,
        start: new Date("2024-01-01T00:00:00.000Z"),
        end: new Date("2024-03-31T00:00:00.000Z"),
      },
    ],
    targets: [],
    countryNames: [["PE", "Peru"] as const],
  };
  await persistLinkFigures(
    [{ indicatorId: linked.id, dataVersion: linked.project.dataVersion, figures: elsewhere }],
    day,
    layout,
  );
  const peruOf = async () =>
    (await libraryRollup(admin, library.id, { by: "country", year: null }))?.figures.find((f) => f.key === "PE");
  expect((await peruOf())?.actual.value).toBe(777);
  // The others' figures were computed here and persisted at their versions.
  const others = await db().libraryLink.findMany({
    where: { libraryIndicatorId: library.id, indicatorId: { not: linked.id } },
    select: { indicatorId: true, indicator: { select: { project: { select: { dataVersion: true } } } } },
  });
  expect(others.length).toBeGreaterThan(0);
  const kept = await persistedLinkFigures(
    others.map((o) => ({ indicatorId: o.indicatorId, dataVersion: o.indicator.project.dataVersion })),
    day,
    layout,
  );
  expect(kept.size).toBe(others.length);

  // A change to Peru's project moves its version: the persisted figures are not read, Peru's own are
  // computed and persisted at the new version, and the older row goes.
  await db().target.updateMany({ where: { indicatorId: linked.id }, data: { value: { increment: 1 } } });
  const moved = await db().project.findUniqueOrThrow({ where: { id: linked.project.id } });
  expect(moved.dataVersion).toBeGreaterThan(linked.project.dataVersion);
  const computed = await peruOf();
  expect(computed?.actual.value).not.toBe(777);
  expect(computed?.actual.value).toBeGreaterThan(0);
  const rows = await db().linkFiguresAggregate.findMany({ where: { indicatorId: linked.id } });
  expect(rows.map((r) => r.dataVersion)).toEqual([moved.dataVersion]);
});

test("a roll-up as of a past day is computed and never persisted", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-PROTECTION" } });
  const before = await db().linkFiguresAggregate.count();
  await libraryRollup(admin, library.id, { by: "country", year: null, asOf: AsOf.parse("2025-06-30") });
  expect(await db().linkFiguresAggregate.count()).toBe(before);
  expect(await db().linkFiguresAggregate.count({ where: { asOfDay: "2025-06-30" } })).toBe(0);
});
