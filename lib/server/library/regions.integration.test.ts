import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { db } from "@/lib/platform/db";
import { rollupCsv, rollupPdf, rollupXlsx } from "@/lib/server/exports/rollup-export";
import { countryMap } from "@/lib/server/maps/country-map";
import { pdfText } from "@/lib/testing/pdf-text";
import { principalFor } from "@/lib/testing/principals";
import { saveRegion } from "./regions";
import { libraryRollup, noRegion } from "./rollup";

const fieldsOf = async (work: Promise<unknown>) => {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fields ?? [];
};

test("regions are kept by admins and M&E leads only; a bad code or a country in another region is refused by field, nothing written", async () => {
  const admin = await principalFor("admin@example.org");
  const before = await db().organisationRegionCountry.count();
  expect(
    await fieldsOf(saveRegion(admin, { key: "andes", nameEn: "Andes", nameEs: "Andes", countries: ["PE", "BO"] })),
  ).toEqual([{ field: "body.countries", code: "countryInOtherRegion" }]);
  expect(await fieldsOf(saveRegion(admin, { key: "nowhere", nameEn: "N", nameEs: "N", countries: ["ZZ"] }))).toEqual([
    { field: "body.countries", code: "unknownCountry" },
  ]);
  await expect(saveRegion(admin, { key: "Bad Key", nameEn: "N", nameEs: "N", countries: ["BO"] })).rejects.toThrow();
  const manager = await principalFor("manager@example.org");
  await expect(
    saveRegion(manager, { key: "andes", nameEn: "Andes", nameEs: "Andes", countries: ["BO"] }),
  ).rejects.toMatchObject({ code: "forbidden" });
  expect(await db().organisationRegionCountry.count()).toBe(before);

  // An M&E lead may; saving a key again replaces its names and countries.
  const lead = await db().user.create({
    data: { email: "regions.lead@example.org", name: "Lead", passwordHash: "x", orgRole: "ME_LEAD" },
  });
  const melPrincipal = await principalFor(lead.email);
  await saveRegion(melPrincipal, { key: "andes", nameEn: "Andes", nameEs: "Andes", countries: ["bo", "CO"] });
  const saved = await saveRegion(melPrincipal, {
    key: "andes",
    nameEn: "The Andes",
    nameEs: "Los Andes",
    countries: ["BO"],
  });
  expect(saved.countries).toEqual(["BO"]);
  const rows = await db().organisationRegionCountry.findMany({ where: { regionId: saved.id } });
  expect(rows.map((r) => r.countryCode)).toEqual(["BO"]);
});

test("the demo's people reached roll up by region: each region is the sum of its countries; a country taken out of its region counts under no region", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
  const byCountry = new Map(
    (await libraryRollup(admin, library.id, { by: "country", year: null }))!.figures.map((f) => [f.key, f]),
  );
  const countryValue = (codes: string[]) => codes.reduce((s, c) => s + (byCountry.get(c)?.actual.value ?? 0), 0);

  const rolled = await libraryRollup(admin, library.id, { by: "region", year: null });
  const byRegion = new Map(rolled!.figures.map((f) => [f.key, f]));
  expect([...byRegion.keys()]).toEqual(["latin-america", "south-asia", "western-balkans"]);
  expect(rolled!.regionNames["western-balkans"]).toEqual({ en: "Western Balkans", es: "Balcanes Occidentales" });
  expect(byRegion.get("latin-america")?.actual.value).toBe(countryValue(["PE"]));
  expect(byRegion.get("south-asia")?.actual.value).toBeCloseTo(countryValue(["NP", "IN", "BD"]), 6);
  expect(byRegion.get("western-balkans")?.actual.value).toBeCloseTo(countryValue(["RS", "BA", "ME"]), 6);
  expect(byRegion.get("western-balkans")?.contributions.map((c) => c.code)).toEqual(["WB-ROMA-W"]);
  // Progress over time: one point a year, the last figure to date the figure for all time.
  const [total] = (await libraryRollup(admin, library.id, { by: "total", year: null }))!.figures;
  expect(rolled!.overTime.map((y) => y.year)).toEqual(rolled!.years);
  expect(rolled!.overTime.at(-1)?.toDate.value).toBeCloseTo(total?.actual.value ?? 0, 6);

  await saveRegion(admin, {
    key: "western-balkans",
    nameEn: "Western Balkans",
    nameEs: "Balcanes Occidentales",
    countries: ["BA", "ME"],
  });
  const moved = new Map(
    (await libraryRollup(admin, library.id, { by: "region", year: null }))!.figures.map((f) => [f.key, f]),
  );
  expect(moved.get(noRegion)?.actual.value).toBe(countryValue(["RS"]));
  expect(moved.get("western-balkans")?.actual.value).toBeCloseTo(countryValue(["BA", "ME"]), 6);
});

test("the roll-up's files carry the filters and the explanation, for the caller's projects only", async () => {
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
  const admin = await principalFor("admin@example.org");
  const options = { by: "region" as const, year: null, locale: "en" as const };
  const rolled = (await libraryRollup(admin, library.id, options))!;
  const asOf = rolled.asOf.date.toISOString().slice(0, 10);

  const csv = await rollupCsv(admin, library.id, options);
  expect(csv?.filename).toBe("ORG-REACH-rollup-by-region.csv");
  const lines = String(csv?.body)
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(
    "by,year,as_of,group_key,group,target,achieved,numerator,denominator,project,project_achieved,project_target,places,periods,note",
  );
  const balkans = lines.find((l) => l.includes(",western-balkans,"))!.split(",");
  const figure = rolled.figures.find((f) => f.key === "western-balkans")!;
  expect(balkans.slice(0, 5)).toEqual(["region", "", asOf, "western-balkans", "Western Balkans"]);
  expect(Number(balkans[6])).toBeCloseTo(figure.actual.value ?? Number.NaN, 6);
  expect(balkans[9]).toMatch(/^WB-ROMA-W /);
  expect(lines).toHaveLength(1 + rolled.figures.reduce((s, f) => s + f.contributions.length, 0));

  const xlsx = await rollupXlsx(admin, library.id, { ...options, locale: "es" });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(xlsx!.body as Uint8Array) as never);
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(5).value).toBe("Grupo");
  const esRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(4).value === "western-balkans")!;
  expect(esRow.getCell(5).value).toBe("Balcanes Occidentales");
  expect(esRow.getCell(7).value).toBeCloseTo(figure.actual.value ?? Number.NaN, 6);

  const pdf = pdfText((await rollupPdf(admin, library.id, options))!.body as Uint8Array);
  expect(pdf).toContain("Roll-up of ORG-REACH");
  expect(pdf).toContain("Filters: by Region, all years");
  expect(pdf).toContain("Western Balkans: Target");
  expect(pdf).toContain("WB-ROMA-W");

  // The viewer of Peru: Peru's project only, in every file.
  const viewer = await principalFor("viewer@example.org");
  const seen = String((await rollupCsv(viewer, library.id, options))?.body);
  expect(seen).toContain("PE-VEN-2021");
  expect(seen).not.toContain("WB-ROMA-W");
  expect(await rollupCsv(viewer, "no-such-library-indicator", options)).toBeNull();
});

test("the roll-up's country map draws the countries from the outlines of the projects the caller may open", async () => {
  const admin = await principalFor("admin@example.org");
  const drawn = await countryMap(admin, ["PE", "RS", "BD", "MX"]);
  expect(Object.values(drawn!.codeOf).sort()).toEqual(["BD", "PE", "RS"]);
  expect(drawn!.map.shapes.map((s) => s.name).sort()).toEqual(["Bangladesh", "Peru", "Serbia"]);
  expect(drawn!.map.shapes.every((s) => s.d)).toBe(true);
  const viewer = await principalFor("viewer@example.org");
  expect(Object.values((await countryMap(viewer, ["PE", "RS"]))!.codeOf)).toEqual(["PE"]);
  expect(await countryMap(viewer, ["RS"])).toBeNull();
});
