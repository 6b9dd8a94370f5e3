// One place per parent and name (issue 31 item 3): "Add a site" and project definitions reuse a place
// that exists under the same parent (case and accents aside), the database refuses a second one, the
// migration merges duplicates made before, and regions may carry a validated, unique ISO 3166-2 code.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { createProject } from "./create";
import { addSite, EditRefused } from "./edit";

let manager: UserPrincipal;
let admin: UserPrincipal;
let roma: string;
let serbia: string;

beforeAll(async () => {
  [manager, admin] = await Promise.all([principalFor("manager@example.org"), principalFor("admin@example.org")]);
  roma = await projectId("WB-ROMA-W");
  serbia = await locationId("RS");
});

const placesNamed = (parentId: string, name: string) =>
  db().location.findMany({ where: { parentId, name: { equals: name, mode: "insensitive" } } });

describe("adding a site", () => {
  test("adding a place that exists under the same parent reuses it, whatever its case, accents or spaces", async () => {
    const first = await addSite(manager, roma, { parentId: serbia, name: "Belgrade" });
    const again = await addSite(manager, roma, { parentId: serbia, name: "  belgrade " });
    const accented = await addSite(manager, roma, { parentId: serbia, name: "Bèlgráde" });
    expect(again.id).toBe(first.id);
    expect(accented.id).toBe(first.id);
    expect((await placesNamed(serbia, "Belgrade")).map((p) => p.id)).toEqual([first.id]);
    expect(await db().projectLocation.count({ where: { projectId: roma, locationId: first.id } })).toBe(1);
    const trail = await db().auditEvent.findMany({ where: { entityId: first.id }, orderBy: { at: "asc" } });
    expect(trail.map((e) => e.action)).toEqual(["location.create", "project.location.add"]);

    // Another project's definition naming the same place gets the same one.
    const created = await createProject(admin, {
      code: "RS-PLACES",
      name: "Serbian places",
      startDate: "2024-01-01",
      endDate: "2024-12-31",
      locations: ["RS", "bg"],
      newLocations: [{ ref: "bg", name: "BELGRADE", level: "ADMIN1", parent: "RS" }],
    });
    expect(created.problems).toEqual([]);
    const other = await db().projectLocation.findMany({ where: { projectId: created.projectId ?? "" } });
    expect(other.map((l) => l.locationId)).toContain(first.id);
    expect(await placesNamed(serbia, "Belgrade")).toHaveLength(1);
  });

  test("two saves of the same new place at the same time make one place", async () => {
    const [one, two] = await Promise.all([
      addSite(manager, roma, { parentId: serbia, name: "Zemun" }),
      addSite(manager, roma, { parentId: serbia, name: "ZEMUN" }),
    ]);
    expect(one.id).toBe(two.id);
    expect(await placesNamed(serbia, "Zemun")).toHaveLength(1);
  });

  test("the same name under another parent is another place", async () => {
    const site = await addSite(manager, roma, { parentId: await locationId("ME"), name: "Belgrade" });
    expect(site.parentId).not.toBe(serbia);
    expect(await db().location.count({ where: { nameKey: "belgrade" } })).toBeGreaterThanOrEqual(2);
  });

  test("the database itself refuses a second place of the same name under a parent", async () => {
    await db().location.create({ data: { name: "Novi Sad", parentId: serbia, level: "ADMIN1" } });
    await expect(
      db().location.create({ data: { name: "NOVI SÁD", parentId: serbia, level: "ADMIN1" } }),
    ).rejects.toThrow();
    await expect(db().location.create({ data: { name: "serbia", level: "COUNTRY" } })).rejects.toThrow();
  });

  test("a region may carry an ISO 3166-2 code of its country, in the right form, used once", async () => {
    await expect(addSite(manager, roma, { parentId: serbia, name: "Niš", isoCode: "RS 20" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["isoCode"], message: "iso3166_2" })],
    });
    await expect(addSite(manager, roma, { parentId: serbia, name: "Niš", isoCode: "ME-20" })).rejects.toEqual(
      new EditRefused("isoCode", "isoOtherCountry"),
    );
    await expect(addSite(manager, roma, { parentId: serbia, name: "Niš", isoCode: "RS" })).rejects.toThrow();
    const nis = await addSite(manager, roma, { parentId: serbia, name: "Niš", isoCode: "rs-20" });
    expect(nis.isoCode).toBe("RS-20");
    await expect(addSite(manager, roma, { parentId: serbia, name: "Kragujevac", isoCode: "RS-20" })).rejects.toEqual(
      new EditRefused("isoCode", "isoTaken"),
    );
    await expect(addSite(manager, roma, { parentId: serbia, name: "Nis", isoCode: "RS-21" })).rejects.toEqual(
      new EditRefused("isoCode", "isoDiffers"),
    );
    // A place added without a code gets one when added again with it.
    const subotica = await addSite(manager, roma, { parentId: serbia, name: "Subotica" });
    expect((await addSite(manager, roma, { parentId: serbia, name: "subotica", isoCode: "RS-01" })).id).toBe(
      subotica.id,
    );
    expect((await db().location.findUniqueOrThrow({ where: { id: subotica.id } })).isoCode).toBe("RS-01");
  });
});

describe("the migration's merge of places made twice before", () => {
  const migration = readFileSync(
    path.join(process.cwd(), "prisma/migrations/20261207051518_one_place_per_parent_and_name/migration.sql"),
    "utf8",
  );
  const merge = migration.slice(migration.indexOf("DO $$"), migration.lastIndexOf("$$;") + 3);
  /** The database as it was before the unique key: duplicates can be made. */
  async function withoutTheKey(work: () => Promise<void>) {
    await db().$executeRawUnsafe(`DROP INDEX "Location_parent_name_key"`);
    try {
      await work();
    } finally {
      await db()
        .$executeRawUnsafe(
          `CREATE UNIQUE INDEX IF NOT EXISTS "Location_parent_name_key" ON "Location"("parentId", "nameKey") NULLS NOT DISTINCT`,
        )
        .catch(() => undefined);
    }
  }

  test("duplicates become one place with every project, figure and sub-place of each", async () => {
    const peru = await projectId("PE-VEN-2021");
    const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: roma, measure: "COUNT" } });
    const period = await db().reportingPeriod.findFirstOrThrow({ where: { projectId: roma } });
    await withoutTheKey(async () => {
      const a = await db().location.create({ data: { name: "Kraljevo", parentId: serbia, level: "ADMIN1" } });
      const b = await db().location.create({ data: { name: "kraljevo ", parentId: serbia, level: "ADMIN1" } });
      const c = await db().location.create({ data: { name: "KRÁLJEVO", parentId: serbia, level: "ADMIN1" } });
      const siteA = await db().location.create({ data: { name: "Centar", parentId: a.id, level: "ADMIN2" } });
      const siteB = await db().location.create({ data: { name: "centar", parentId: b.id, level: "ADMIN2" } });
      await db().projectLocation.createMany({
        data: [
          { projectId: roma, locationId: a.id },
          { projectId: roma, locationId: b.id, ref: "KRA" },
          { projectId: peru, locationId: c.id },
        ],
      });
      const result = await db().result.create({
        data: { indicatorId: indicator.id, periodId: period.id, locationId: b.id, value: 4 },
      });
      await db().$executeRawUnsafe(merge);
      const left = await placesNamed(serbia, "Kraljevo");
      expect(left.map((p) => p.id)).toEqual([a.id]);
      expect((await db().result.findUniqueOrThrow({ where: { id: result.id } })).locationId).toBe(a.id);
      const links = await db().projectLocation.findMany({ where: { locationId: a.id }, orderBy: { projectId: "asc" } });
      expect(links.map((l) => l.projectId).sort()).toEqual([roma, peru].sort());
      expect(links.find((l) => l.projectId === roma)?.ref).toBe("KRA");
      const sites = await db().location.findMany({ where: { parentId: a.id } });
      expect(sites.map((s) => s.id)).toEqual([siteA.id]);
      expect(await db().location.count({ where: { id: siteB.id } })).toBe(0);
    });
  });

  test("duplicates holding figures for the same cell stop the migration, naming them", async () => {
    const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: roma, measure: "COUNT" } });
    const period = await db().reportingPeriod.findFirstOrThrow({ where: { projectId: roma } });
    await withoutTheKey(async () => {
      const a = await db().location.create({ data: { name: "Valjevo", parentId: serbia, level: "ADMIN1" } });
      const b = await db().location.create({ data: { name: "Valjevo", parentId: serbia, level: "ADMIN1" } });
      for (const place of [a, b])
        await db().result.create({
          data: { indicatorId: indicator.id, periodId: period.id, locationId: place.id, value: 1 },
        });
      await expect(db().$executeRawUnsafe(merge)).rejects.toThrow(/both hold a value or target/);
      expect(await placesNamed(serbia, "Valjevo")).toHaveLength(2);
      await db().result.deleteMany({ where: { locationId: b.id } });
      await db().location.delete({ where: { id: b.id } });
    });
  });
});
