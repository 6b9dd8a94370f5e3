// Roll-up by theme (#34) over the demo: a project counts whole in each of its themes' groups, and a
// reader sees only the parts of projects they may open.
import { expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { principalFor } from "@/lib/testing/principals";
import { libraryRollup, rollupGroupName } from "./rollup";

test("by theme, each theme's figure is the sum of its projects' own figures; a project of two themes counts in both", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
  const total = (await libraryRollup(admin, library.id, { by: "total", year: null }))!;
  const own = new Map(total.figures[0]!.contributions.map((c) => [c.code, c.actual.value]));
  const rolled = (await libraryRollup(admin, library.id, { by: "theme", year: null }))!;
  const themesOf = new Map(
    (await db().project.findMany({ select: { code: true, themes: { select: { themeKey: true } } } })).map((p) => [
      p.code,
      p.themes.map((t) => t.themeKey).sort(),
    ]),
  );
  // Every project counted is in the group of each of its themes, with its own figure.
  for (const [code, value] of own)
    for (const theme of themesOf.get(code) ?? []) {
      const group = rolled.figures.find((f) => f.key === theme);
      expect(group?.contributions.find((c) => c.code === code)?.actual.value).toBe(value);
    }
  for (const group of rolled.figures) {
    const codes = group.contributions.map((c) => c.code);
    for (const code of codes) expect(themesOf.get(code)).toContain(group.key);
    // Demo projects share no place: the group is the sum of its projects' own figures.
    expect(group.actual.value).toBe(codes.reduce((s, c) => s + (own.get(c) ?? 0), 0));
  }
  // Migration holds both the Nepal and the Peru project: theme groups do not partition the total.
  expect(rolled.figures.find((f) => f.key === "migration")?.contributions.map((c) => c.code)).toEqual([
    "PE-VEN-2021",
    "SA-HIV-MOB",
  ]);
  const labels = { noRegion: "-", allProjects: "-", noTheme: "Sin tema" };
  expect(rollupGroupName(rolled, "theme", "migration", "es", labels)).toBe("Migración");
  expect(rollupGroupName(rolled, "theme", "hiv", "en", labels)).toBe("HIV");
  expect(rollupGroupName(rolled, "theme", "", "es", labels)).toBe("Sin tema");

  // A viewer of the Peru project only sees its part, in each of its themes.
  const viewer = await principalFor("viewer@example.org");
  const seen = (await libraryRollup(viewer, library.id, { by: "theme", year: null }))!;
  expect(seen.figures.map((f) => f.key)).toEqual(["migration", "protection"]);
  for (const group of seen.figures) {
    expect(group.contributions.map((c) => c.code)).toEqual(["PE-VEN-2021"]);
    expect(group.actual.value).toBe(own.get("PE-VEN-2021"));
  }
});

test("a project without a theme counts under No theme", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
  const roma = await db().project.findUniqueOrThrow({ where: { code: "WB-ROMA-W" } });
  await db().projectTheme.deleteMany({ where: { projectId: roma.id } });
  const rolled = (await libraryRollup(admin, library.id, { by: "theme", year: null }))!;
  const none = rolled.figures.find((f) => f.key === "");
  expect(none?.contributions.map((c) => c.code)).toEqual(["WB-ROMA-W"]);
  expect(rolled.figures.find((f) => f.key === "gender")).toBeUndefined();
});
