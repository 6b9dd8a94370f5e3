import { expect, test } from "vitest";
import { allStatuses } from "@/lib/domain/engine/schedule";
import { readableProjects } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { portfolio } from "@/lib/server/portfolio/service";
import { principalFor } from "@/lib/testing/principals";
import { statusByCountry } from "./status-by-country";

test("each country's counts are the sum of its projects' own portfolio counts", async () => {
  const admin = await principalFor("admin@example.org");
  const { countries } = await statusByCountry(admin, {});
  expect(countries.length).toBeGreaterThan(1);
  const own = new Map((await portfolio(admin)).map((r) => [r.id, r.statusCounts]));
  for (const country of countries) {
    expect(country.projects.length).toBeGreaterThan(0);
    for (const project of country.projects) expect(project.statusCounts).toStrictEqual(own.get(project.id));
    for (const s of allStatuses) {
      expect(country.statusCounts[s]).toBe(country.projects.reduce((sum, p) => sum + (own.get(p.id)?.[s] ?? 0), 0));
    }
  }
  // Something is counted at all (the demo has values and targets).
  expect(countries.some((c) => allStatuses.some((s) => c.statusCounts[s] > 0))).toBe(true);
});

test("a viewer of one project sees only that project's countries; a filter ANDs with the scope", async () => {
  const viewer = await principalFor("viewer@example.org");
  const readable = readableProjects(viewer);
  if (readable === "all") throw new Error("the demo viewer reads every project");
  const { countries, donors } = await statusByCountry(viewer, {});
  const ids = new Set(countries.flatMap((c) => c.projects.map((p) => p.id)));
  expect([...ids].every((id) => readable.includes(id))).toBe(true);
  const theirs = await db().project.findMany({ where: { id: { in: readable } }, select: { donor: true } });
  expect(donors.every((d) => theirs.some((p) => p.donor === d))).toBe(true);

  // The admin's donor filter keeps only that donor's projects; the viewer's scope still holds under it.
  const admin = await principalFor("admin@example.org");
  const all = await db().project.findMany({ where: { archivedAt: null }, select: { id: true, donor: true } });
  const other = all.find((p) => p.donor && !readable.includes(p.id));
  if (!other) throw new Error("the demo has no other donor's project");
  const byDonor = await statusByCountry(admin, { donor: other.donor });
  const donorIds = byDonor.countries.flatMap((c) => c.projects.map((p) => p.id));
  expect(donorIds).toContain(other.id);
  expect(donorIds.every((id) => all.find((p) => p.id === id)?.donor === other.donor)).toBe(true);
  const viewerByDonor = await statusByCountry(viewer, { donor: other.donor });
  expect(viewerByDonor.countries.flatMap((c) => c.projects.map((p) => p.id)).every((id) => readable.includes(id))).toBe(
    true,
  );

  // A region keeps its countries only; a malformed or unknown filter is ignored.
  const whole = await statusByCountry(admin, {});
  const region = whole.regions.find((r) => whole.countries.some((c) => r.countries.includes(c.code)));
  if (!region) throw new Error("the demo has no region with a project's country");
  const inRegion = await statusByCountry(admin, { region: region.key.toUpperCase() });
  expect(inRegion.filters.region).toBe(region.key);
  // The demo's projects span regions: the filter narrows.
  expect(inRegion.countries.length).toBeLessThan(whole.countries.length);
  expect(inRegion.countries.map((c) => c.code)).toEqual(
    whole.countries.filter((c) => region.countries.includes(c.code)).map((c) => c.code),
  );
  for (const c of inRegion.countries) {
    expect(c.statusCounts).toStrictEqual(whole.countries.find((w) => w.code === c.code)?.statusCounts);
  }
  const ignored = await statusByCountry(admin, { region: "no such!", donor: ["x"] });
  expect(ignored.filters).toStrictEqual({ region: undefined, donor: undefined });
  expect(ignored.countries.length).toBeGreaterThan(1);
});

test("the counts are read from the persisted ProjectAggregate rows: a second call computes nothing", async () => {
  const admin = await principalFor("admin@example.org");
  await db().$executeRaw`DELETE FROM "ProjectAggregate"`;
  // Every project's data moved: nothing of the new versions is in the process's summary cache either.
  await db().$executeRaw`UPDATE "Project" SET "dataVersion" = "dataVersion" + 1`;
  const first = await statusByCountry(admin, {});
  const shown = new Set(first.countries.flatMap((c) => c.projects.map((p) => p.id)));
  const rows = await db().$queryRaw<{ projectId: string; onTrack: number }[]>`
    SELECT a."projectId", a."onTrack" FROM "ProjectAggregate" a
    JOIN "Project" p ON p."id" = a."projectId" AND p."dataVersion" = a."dataVersion"`;
  expect(new Set(rows.map((r) => r.projectId))).toStrictEqual(shown);
  // A planted figure at the current version is what the dashboard shows: it reads the rows, not a recomputation.
  const [country] = first.countries;
  const [project] = country?.projects ?? [];
  if (!country || !project) throw new Error("no project");
  await db().$executeRaw`
    UPDATE "ProjectAggregate" a SET "onTrack" = a."onTrack" + 1000 FROM "Project" p
    WHERE p."id" = a."projectId" AND p."dataVersion" = a."dataVersion" AND a."projectId" = ${project.id}`;
  const second = await statusByCountry(admin, {});
  const again = second.countries.find((c) => c.code === country.code);
  expect(again?.projects.find((p) => p.id === project.id)?.statusCounts.onTrack).toBe(
    project.statusCounts.onTrack + 1000,
  );
  expect(again?.statusCounts.onTrack).toBe(country.statusCounts.onTrack + 1000);
});
