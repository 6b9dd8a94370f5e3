import { beforeAll, describe, expect, test } from "vitest";
import { loadPrincipal } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ForbiddenError, type UserPrincipal } from "@/lib/permissions";
import { regionComparison } from "./region-comparison";

let manager: UserPrincipal;
let viewer: UserPrincipal;
let peruId: string;
let nepalId: string;

async function principal(email: string) {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  const loaded = await loadPrincipal(user.id);
  if (!loaded) throw new Error(email);
  return loaded;
}

async function indicatorId(projectId: string, code: string) {
  return (await db().indicator.findFirstOrThrow({ where: { projectId, code } })).id;
}

beforeAll(async () => {
  manager = await principal("manager@example.org");
  viewer = await principal("viewer@example.org");
  peruId = (await db().project.findUniqueOrThrow({ where: { code: "PE-VEN-2021" } })).id;
  nepalId = (await db().project.findUniqueOrThrow({ where: { code: "SA-HIV-MOB" } })).id;
});

describe("regionComparison on the demo data", () => {
  test("counts: approved results summed per region and overall, against life-of-project targets", async () => {
    const c = await regionComparison(manager, peruId, await indicatorId(peruId, "OP1.1.1"));
    const tumbes = c?.rows.find((r) => r.isoCode === "PE-TUM");
    expect(tumbes).toMatchObject({ target: 1800, actual: 1110, resultCount: 3 });
    expect(tumbes?.achievement).toBeCloseTo(1110 / 1800, 12);
    expect(c?.overall).toMatchObject({ target: 8250, actual: 5070, resultCount: 15 });
    expect(c?.rows).toHaveLength(5);
  });

  test("the manager's preview adds submitted values; a viewer asking for it still gets approved only", async () => {
    const id = await indicatorId(peruId, "OP1.1.1");
    expect((await regionComparison(manager, peruId, id, { includeSubmitted: true }))?.overall.actual).toBe(5070 + 1640);
    const forViewer = await regionComparison(viewer, peruId, id, { includeSubmitted: true });
    expect(forViewer?.includesSubmitted).toBe(false);
    expect(forViewer?.overall.actual).toBe(5070);
  });

  test("percentages: sum of numerators over sum of denominators of the latest round", async () => {
    const c = await regionComparison(manager, peruId, await indicatorId(peruId, "G.1"));
    expect(c?.scope).toMatchObject({ kind: "round", name: "Final evaluation" });
    expect(c?.overall).toMatchObject({ numerator: 222, denominator: 372 });
    expect(c?.overall.actual).toBeCloseTo((222 / 372) * 100, 12);
    expect(c?.overall.target).toBeCloseTo((240 / 400) * 100, 12);
    expect(c?.baseline).toBeCloseTo((141 / 380) * 100, 12);
  });

  test("cumulative counts take each region's latest value, never a sum over time", async () => {
    const c = await regionComparison(manager, nepalId, await indicatorId(nepalId, "OP1.2"));
    expect(c?.overall.actual).toBe(8 + 6 + 4);
    expect(c?.overall.target).toBe(18);
  });

  test("someone outside the project is refused", async () => {
    await expect(regionComparison(viewer, nepalId, await indicatorId(nepalId, "OP1.2"))).rejects.toThrow(
      ForbiddenError,
    );
  });

  test("an indicator of another project is not found through this one", async () => {
    expect(await regionComparison(manager, peruId, await indicatorId(nepalId, "OP1.2"))).toBeNull();
  });
});
