import { expect, test } from "vitest";
import { ForbiddenError } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { projectSummary } from "@/lib/server/summary/service";
import { principalFor, projectId } from "@/lib/testing/principals";
import { boundaryCoverage, importBoundaries, placeMap } from "./service";

const collection = (features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });
const point = (name: string, coordinates: [number, number]) => ({
  type: "Feature",
  properties: { name },
  geometry: { type: "Point", coordinates },
});

test("the demo's places are on its maps, drawn from the outlines it ships", async () => {
  const peru = await projectId("PE-VEN-2021");
  const viewer = await principalFor("viewer@example.org");
  const map = await placeMap(viewer, peru);
  const names = (map?.shapes ?? []).filter((s) => s.d).map((s) => s.name);
  expect(names.sort()).toEqual(["Callao", "La Libertad", "Lima", "Peru", "Piura", "Tumbes"]);
  const roma = await projectId("WB-ROMA-W");
  const donor = { kind: "share" as const, linkId: "x", projectId: roma };
  expect((await placeMap(donor, roma))?.shapes.map((s) => s.name).sort()).toEqual([
    "Bosnia and Herzegovina",
    "Montenegro",
    "Serbia",
  ]);
  // A donor link reads its own project's map only.
  await expect(placeMap(donor, peru)).rejects.toThrow(ForbiddenError);
});

test("a manager's GeoJSON gives places their points, moves the data version and is audited; a bad file changes nothing", async () => {
  const nepal = await projectId("SA-HIV-MOB");
  const manager = await principalFor("manager@example.org");
  const version = async () => (await db().project.findUniqueOrThrow({ where: { id: nepal } })).dataVersion;
  const rows = () => db().projectLocation.findMany({ where: { projectId: nepal }, orderBy: { locationId: "asc" } });
  const before = { version: await version(), rows: await rows() };
  const drawnBefore = await placeMap(manager, nepal, before.version);

  // Refused: a feature that is not a place's shape, or someone who may not edit the project.
  const bad = collection([point("Nepal", [85.3, 27.7]), { type: "Feature", properties: {}, geometry: null }]);
  expect(await importBoundaries(manager, nepal, bad)).toEqual({
    ok: false,
    problems: [{ code: "badGeometry", feature: 2 }],
  });
  const evaluator = await principalFor("evaluator@example.org");
  await expect(importBoundaries(evaluator, nepal, collection([point("NP", [85.3, 27.7])]))).rejects.toThrow(
    ForbiddenError,
  );
  const viewer = await principalFor("viewer@example.org");
  await expect(boundaryCoverage(viewer, nepal)).rejects.toThrow(ForbiddenError);
  expect({ version: await version(), rows: await rows() }).toEqual(before);

  const reading = await importBoundaries(
    manager,
    nepal,
    collection([point("NP", [85.3, 27.7]), point("Tibet", [91, 29])]),
  );
  expect(reading).toMatchObject({ ok: true, unmatched: ["Tibet"] });
  const after = await version();
  expect(after).toBeGreaterThan(before.version);
  const nepalRow = (await rows()).find((r) => r.latitude !== null);
  expect(nepalRow).toMatchObject({ latitude: 27.7, longitude: 85.3 });
  // The file gave Nepal a point only: its outline is kept (the map draws outlines before dots).
  expect(nepalRow?.boundary).not.toBeNull();
  const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "project.boundaries", entityId: nepal } });
  expect(audit.after).toEqual({ outlines: [], points: ["Nepal"] });
  expect((await boundaryCoverage(manager, nepal)).find((p) => p.name === "Nepal")?.shape).toBe("outline");
  // The summary and the drawing follow the new version.
  expect((await projectSummary(manager, nepal))?.version).toBe(after);
  expect(await placeMap(manager, nepal, after)).toEqual(drawnBefore);
});
