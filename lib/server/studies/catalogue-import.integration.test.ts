// The catalogue import on a real database (PGlite and PostgreSQL): a valid file files exactly its rows; a
// file with one bad row files nothing and names the row and column; an export imports again as it was.
import { describe, expect, test } from "vitest";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { bytesOf } from "@/lib/formats/read/table-rows";
import { db } from "@/lib/platform/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { studyCatalogueCsv, studyCatalogueXlsx } from "./catalogue";
import { importCatalogue } from "./catalogue-import";
import { createStudy } from "./service";

const header = "type,title_en,title_es,published,pages,method,countries,places,themes,projects,visibility";
const csvFile = (...lines: string[]) => ({ format: "csv" as const, source: bytesOf([header, ...lines].join("\n")) });
const studiesTitled = (word: string) =>
  db().study.findMany({
    where: { texts: { some: { title: { contains: word } } } },
    select: {
      typeKey: true,
      pageCount: true,
      publishedOn: true,
      method: true,
      visibility: true,
      texts: { select: { language: true, title: true }, orderBy: { language: "asc" } },
      themes: { select: { themeKey: true } },
      projects: { select: { project: { select: { code: true } } } },
      places: { select: { location: { select: { isoCode: true } } } },
    },
    orderBy: { pageCount: "asc" },
  });

describe("the catalogue import", () => {
  test("a valid file files exactly its rows, audited", async () => {
    const manager = await principalFor("manager@example.org");
    const before = await db().study.count();
    const audits = await db().auditEvent.count({ where: { action: "study.create" } });
    const preview = await importCatalogue(
      manager,
      csvFile(
        "evaluation,Quetzal final evaluation,Evaluación final quetzal,2021-11-30,39,MIXED,PE,PE-TUM PE-PIU,migration gbv,PE-VEN-2021,INTERNAL",
        "Baseline,Quetzal baseline,,,120,,,,,PE-VEN-2021; WB-ROMA-W,public",
      ),
      { confirm: true },
    );
    expect(preview.problems).toEqual([]);
    expect(preview.created).toBe(2);
    expect(await db().study.count()).toBe(before + 2);
    expect(await db().auditEvent.count({ where: { action: "study.create" } })).toBe(audits + 2);
    expect(await db().auditEvent.count({ where: { action: "study.catalogue.import" } })).toBe(1);
    const [evaluation, baseline] = await studiesTitled("Quetzal");
    expect(evaluation).toMatchObject({
      typeKey: "evaluation",
      pageCount: 39,
      method: "MIXED",
      visibility: "INTERNAL",
      publishedOn: new Date("2021-11-30T00:00:00Z"),
      texts: [
        { language: "en", title: "Quetzal final evaluation" },
        { language: "es", title: "Evaluación final quetzal" },
      ],
      projects: [{ project: { code: "PE-VEN-2021" } }],
    });
    expect(evaluation?.themes.map((t) => t.themeKey).sort()).toEqual(["gbv", "migration"]);
    expect(evaluation?.places.map((p) => p.location.isoCode).sort()).toEqual(["PE", "PE-PIU", "PE-TUM"]);
    expect(baseline).toMatchObject({ typeKey: "baseline", visibility: "PUBLIC", publishedOn: null });
    expect(baseline?.projects.map((p) => p.project.code).sort()).toEqual(["PE-VEN-2021", "WB-ROMA-W"]);
  });

  test("a file with one bad row files nothing and names the row and the column", async () => {
    const manager = await principalFor("manager@example.org");
    const before = await db().study.count();
    const preview = await importCatalogue(
      manager,
      csvFile(
        "evaluation,Tapir evaluation,,2021-11-30,39,,,,,PE-VEN-2021,INTERNAL",
        "survey-of-sorts,Tapir midline,,2021-13-01,,,,,,PE-VEN-2021,INTERNAL",
        "evaluation,Tapir endline,,,,,,,,PE-VEN-2021,",
      ),
      { confirm: true },
    );
    expect(preview.created).toBeUndefined();
    expect(preview.problems).toEqual([
      { row: 3, column: "type", code: "unknownType", value: "survey-of-sorts" },
      { row: 3, column: "published", code: "badDate", value: "2021-13-01" },
    ]);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(await db().study.count()).toBe(before);
  });

  test("each problem is named: vocabulary, places, projects out of scope, values, titles twice in the file", async () => {
    const manager = await principalFor("manager@example.org");
    // A manager of the Peru project who only reads the Roma project, and is no member of the Nepal one.
    const partial: UserPrincipal = {
      ...(manager as UserPrincipal),
      roles: { [await projectId("PE-VEN-2021")]: "MANAGER", [await projectId("WB-ROMA-W")]: "VIEWER" },
    };
    const preview = await importCatalogue(
      partial,
      {
        format: "csv",
        source: bytesOf(
          [
            "type,title_en,themes,countries,places,projects,visibility,method,pages,fieldwork_start,fieldwork_end,colour",
            "evaluation,Okapi one,volcanoes,XX,PE-ZZZ,WB-ROMA-W; SA-HIV-MOB,everyone,survey,12.5,2021-10-01,2021-09-30,red",
            "evaluation,okapi  ONE,,,,,,,,,,",
          ].join("\n"),
        ),
      },
      { confirm: false },
    );
    expect(preview.problems).toEqual([
      { row: 1, column: "colour", code: "unknownColumn" },
      { row: 2, column: "fieldwork_end", code: "endBeforeStart", value: "2021-09-30" },
      { row: 2, column: "pages", code: "badPages", value: "12.5" },
      { row: 2, column: "method", code: "badMethod", value: "survey" },
      { row: 2, column: "visibility", code: "badVisibility", value: "everyone" },
      { row: 2, column: "themes", code: "unknownTheme", value: "volcanoes" },
      { row: 2, column: "countries", code: "unknownCountry", value: "XX" },
      { row: 2, column: "places", code: "unknownPlace", value: "PE-ZZZ" },
      { row: 2, column: "projects", code: "projectNotEditable", value: "WB-ROMA-W" },
      { row: 2, column: "projects", code: "unknownProject", value: "SA-HIV-MOB" },
      { row: 3, column: "projects", code: "projectRequired" },
    ]);
    const twice = await importCatalogue(
      manager,
      csvFile("evaluation,Okapi two,,,,,,,,PE-VEN-2021,", "evaluation,okapi  TWO,,,,,,,,PE-VEN-2021,"),
      { confirm: true },
    );
    expect(twice.problems).toEqual([{ row: 3, column: "title_en", code: "duplicateTitle", value: "2" }]);
    expect(await studiesTitled("kapi")).toEqual([]);
  });

  test("page counts and dates as people type them: thousands separators and day-first dates", async () => {
    const admin = await principalFor("admin@example.org");
    const accepted = await importCatalogue(
      admin,
      csvFile(
        'evaluation,Pudu one,,30/11/2021,"1,234",,,,,,',
        "evaluation,Pudu two,,1.2.2020,1.500,,,,,,",
        "evaluation,Pudu three,,2019-07-04,1 200,,,,,,",
      ),
      { confirm: true },
    );
    expect(accepted.problems).toEqual([]);
    const pudus = await studiesTitled("Pudu");
    expect(pudus.map((s) => [s.pageCount, s.publishedOn?.toISOString().slice(0, 10)])).toEqual([
      [1200, "2019-07-04"],
      [1234, "2021-11-30"],
      [1500, "2020-02-01"],
    ]);
    // A decimal page count, a month-first date past the 12th and a day that does not exist are refused.
    const refused = await importCatalogue(
      admin,
      csvFile('evaluation,Pudu four,,11/30/2021,"39,5",,,,,,', "evaluation,Pudu five,,31/02/2021,12.50,,,,,,"),
      { confirm: true },
    );
    expect(refused.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, "published", "badDate"],
      [2, "pages", "badPages"],
      [3, "published", "badDate"],
      [3, "pages", "badPages"],
    ]);
  });

  test("an exported catalogue, CSV or XLSX, imports again as it was", async () => {
    const admin = await principalFor("admin@example.org");
    const peru = await projectId("PE-VEN-2021");
    const tumbes = (await db().location.findUniqueOrThrow({ where: { isoCode: "PE-TUM" } })).id;
    const peruCountry = (await db().location.findUniqueOrThrow({ where: { isoCode: "PE" } })).id;
    await createStudy(admin, {
      typeKey: "qualitative-study",
      texts: [
        { language: "en", title: "Coati study", abstract: "Sixty migrants, five key informants." },
        { language: "es", title: "=Estudio coatí", abstract: "Sesenta migrantes." },
      ],
      method: "QUALITATIVE",
      instruments: "Interview guide",
      fieldworkStart: "2021-10-01",
      fieldworkEnd: "2021-11-15",
      publishedOn: "2022-01-31",
      authors: "A. Author",
      commissionedBy: "Country office",
      pageCount: 39,
      visibility: "DONORS",
      projectIds: [peru],
      locationIds: [peruCountry, tumbes],
      themeKeys: ["migration", "health"],
    });
    await createStudy(admin, { typeKey: "research", texts: [{ language: "es", title: "Coatí investigación" }] });
    // Each line without its id (the import files new studies, with new ids).
    const lines = (csv: string) =>
      csv
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n")
        .map((line) => line.slice(line.indexOf(",") + 1));
    const exported = await studyCatalogueCsv(admin, { q: "coati" });
    const [head, ...studies] = lines(exported);
    expect(studies).toHaveLength(2);
    const xlsx = await studyCatalogueXlsx(admin, { q: "coati", type: "research" });

    const fromCsv = await importCatalogue(admin, { format: "csv", source: bytesOf(exported) }, { confirm: true });
    expect(fromCsv).toMatchObject({ problems: [], created: 2 });
    const fromXlsx = await importCatalogue(admin, { format: "xlsx", source: bytesOf(xlsx) }, { confirm: true });
    expect(fromXlsx).toMatchObject({ problems: [], created: 1 });

    // Each copy exports as its original: the research study three times now, the other twice.
    const [headAgain, ...again] = lines(await studyCatalogueCsv(admin, { q: "coati" }));
    expect(headAgain).toBe(head);
    expect(again).toHaveLength(5);
    for (const row of studies) expect(again.filter((l) => l === row)).toHaveLength(row.startsWith("research") ? 3 : 2);
  });
});
