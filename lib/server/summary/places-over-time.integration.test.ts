// indicatorPlacesOverTime (what the library roll-up reads) gives the very figures projectSummary gives for one
// indicator at its places, for the whole time and for each period or round on its own: every indicator of
// the demo projects (several periods, regions under countries, disaggregations, cumulative and
// non-cumulative counts, percentages, a composition, period targets) at three as-of dates.
import { expect, test } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import { db } from "@/lib/platform/db";
import { principalFor } from "@/lib/testing/principals";
import {
  indicatorPlacesOverTime,
  indicatorsPlacesOverTime,
  projectSummary,
  UnknownFilterError,
  ViewLoads,
} from "./service";

const dates = ["2021-10-31", "2023-06-30", "2030-01-01"];

test("every period's places, and the whole time's, equal projectSummary's for every demo indicator", async () => {
  const admin = await principalFor("admin@example.org");
  const projects = await db().project.findMany({
    where: { code: { in: ["PE-VEN-2021", "WB-ROMA-W", "SA-HIV-MOB"] } },
    select: { id: true, indicators: { where: { archivedAt: null }, include: { dimensions: true, targets: true } } },
  });
  expect(projects).toHaveLength(3);
  // A country's own values beside its regions (rule 11): one approved count at each country with regions in
  // the project, in the first period, for each project's first non-cumulative and first cumulative count.
  for (const project of projects) {
    const places = await db().projectLocation.findMany({
      where: { projectId: project.id },
      select: { location: { select: { id: true, parentId: true } } },
    });
    const countries = places.filter((p) => places.some((c) => c.location.parentId === p.location.id));
    const period = await db().reportingPeriod.findFirst({
      where: { projectId: project.id },
      orderBy: { endDate: "asc" },
    });
    const counts = project.indicators.filter(
      (i) => i.measure === "COUNT" && i.source === "MONITORING" && !i.composedFromId,
    );
    const chosen = ["NON_CUMULATIVE", "CUMULATIVE"].flatMap((rule) =>
      counts.filter((i) => i.timeRule === rule).slice(0, 1),
    );
    for (const indicator of period ? chosen : [])
      for (const { location } of countries)
        await db().result.create({
          data: {
            indicatorId: indicator.id,
            periodId: period!.id,
            locationId: location.id,
            value: 7,
            status: "APPROVED",
          },
        });
  }
  const seen = {
    periods: 0,
    valued: 0,
    periodTargets: 0,
    ownValues: 0,
    cumulative: 0,
    nonCumulative: 0,
    options: 0,
    composed: 0,
  };
  for (const asOfDay of dates) {
    const asOf = AsOf.parse(asOfDay);
    for (const project of projects) {
      const loads = new ViewLoads();
      for (const indicator of project.indicators) {
        const ask = { indicatorId: indicator.id, asOf, depth: "places" as const, loads };
        const over = await indicatorPlacesOverTime(admin, project.id, { indicatorId: indicator.id, asOf });
        const whole = await projectSummary(admin, project.id, ask);
        expect(over?.summary, `${indicator.code} as of ${asOfDay}`).toStrictEqual(whole);
        for (const time of whole!.times) {
          const one = await projectSummary(admin, project.id, { ...ask, timeId: time.id });
          const places = over!.placesAt(time.id);
          expect(places, `${indicator.code} in ${time.label} as of ${asOfDay}`).toStrictEqual(
            one!.indicators[0]!.byLocation,
          );
          seen.periods++;
          seen.valued += places.filter((p) => p.actual !== null).length;
          seen.periodTargets += places.filter((p) => p.explanation.target === "explicit").length;
          seen.ownValues += places.filter((p) => p.unassigned?.actual != null).length;
          if (places.some((p) => p.actual !== null)) {
            if (indicator.timeRule === "CUMULATIVE") seen.cumulative++;
            else seen.nonCumulative++;
            if (indicator.dimensions.length) seen.options++;
            if (indicator.composedFromId) seen.composed++;
          }
        }
      }
    }
  }
  // What was compared holds values, period targets, a country's own values, both time rules and options.
  for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
});

test("a period that is not the project's is refused, as projectSummary refuses it; an unreadable project is null", async () => {
  const admin = await principalFor("admin@example.org");
  const project = await db().project.findFirstOrThrow({
    where: { code: "PE-VEN-2021" },
    select: { id: true, indicators: { take: 1, select: { id: true } } },
  });
  const indicatorId = project.indicators[0]!.id;
  const over = await indicatorPlacesOverTime(admin, project.id, { indicatorId });
  expect(() => over!.placesAt("nope")).toThrow(UnknownFilterError);
  await expect(indicatorPlacesOverTime(admin, project.id, { indicatorId: "nope" })).rejects.toThrow(UnknownFilterError);
  const outsider = await principalFor("viewer@example.org");
  const other = await db().project.findFirstOrThrow({
    where: { code: "SA-HIV-MOB" },
    select: { id: true, indicators: { take: 1, select: { id: true } } },
  });
  expect(await projectSummary(outsider, other.id)).toBeNull();
  expect(await indicatorPlacesOverTime(outsider, other.id, { indicatorId: other.indicators[0]!.id })).toBeNull();
});

test("several projects' indicators loaded together give each one's figures as loaded alone; an unreadable one is null", async () => {
  const viewer = await principalFor("viewer@example.org");
  const indicators = await db().indicator.findMany({
    where: { archivedAt: null, project: { code: { in: ["PE-VEN-2021", "WB-ROMA-W", "SA-HIV-MOB"] } } },
    select: { id: true, projectId: true, project: { select: { code: true } } },
  });
  const asks = indicators.map((i) => ({ projectId: i.projectId, indicatorId: i.id }));
  const asOf = AsOf.parse("2023-06-30");
  const answer = await indicatorsPlacesOverTime(viewer, asks, { asOf });
  let readable = 0;
  for (const [n, ask] of asks.entries()) {
    const alone = await indicatorPlacesOverTime(viewer, ask.projectId, { indicatorId: ask.indicatorId, asOf });
    const together = answer(ask);
    if (indicators[n]!.project.code !== "PE-VEN-2021") {
      expect(together).toBeNull();
      continue;
    }
    readable++;
    expect(together?.summary).toStrictEqual(alone?.summary);
    for (const time of alone!.summary.times)
      expect(together!.placesAt(time.id)).toStrictEqual(alone!.placesAt(time.id));
  }
  expect(readable).toBeGreaterThan(1);
});
