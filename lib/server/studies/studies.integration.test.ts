// The evaluations library on a real database (PGlite and PostgreSQL): filing a study with its document,
// Spanish and English search (stems, accents), and who sees which study (members, donor links, anonymous).
import { describe, expect, test } from "vitest";
import { ForbiddenError, type Principal } from "@/lib/domain/permissions";
import { canReadStudy } from "@/lib/domain/permissions/studies";
import type { StudyInput } from "@/lib/domain/studies/input";
import { db, type SentQuery, watchQueries } from "@/lib/platform/db";
import { EvidenceRefused } from "@/lib/server/evidence/service";
import { locationId, principalFor, projectId } from "@/lib/testing/principals";
import { searchStudies, searchStudyPage } from "./search";
import { createStudy, libraryFilters, readStudy, studyFile, studyFormChoices } from "./service";

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

const study = (over: Partial<StudyInput>): StudyInput => ({
  typeKey: "evaluation",
  texts: [{ language: "en", title: "A study" }],
  ...over,
});

const titles = (items: { texts: { title: string }[] }[]) => items.map((i) => i.texts[0]?.title).sort();

describe("filing a study", () => {
  test("a manager files a study with its document, links and findings; it reads back whole and audited", async () => {
    const peru = await projectId("PE-VEN-2021");
    const manager = await principalFor("manager@example.org");
    const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru }, orderBy: { code: "asc" } });
    const round = await db().surveyRound.findFirstOrThrow({ where: { projectId: peru } });
    const created = await createStudy(
      manager,
      study({
        typeKey: "evaluation",
        texts: [
          { language: "es", title: "Evaluación final de prueba", abstract: "Encuestas telefónicas a migrantes." },
          { language: "en", title: "Test final evaluation", abstract: "Phone surveys of migrants." },
        ],
        method: "MIXED",
        fieldworkStart: "2021-10-01",
        fieldworkEnd: "2021-11-30",
        publishedOn: "2022-01-15",
        pageCount: 48,
        projectIds: [peru],
        locationIds: [await locationId("PE")],
        roundIds: [round.id],
        indicatorIds: [indicator.id],
        themeKeys: ["migration", "health"],
        samples: [{ group: "migrants and family members", planned: 60, achieved: 60 }],
        findings: [{ language: "en", statement: "Most migrants reached a health service.", indicatorId: indicator.id }],
      }),
      [{ name: "evaluation.pdf", bytes: pdf }],
    );
    expect(created).toMatchObject({
      type: { key: "evaluation" },
      method: "MIXED",
      fieldworkStart: "2021-10-01",
      pageCount: 48,
      visibility: "INTERNAL",
      projects: [{ id: peru }],
      rounds: [{ id: round.id }],
      indicators: [{ id: indicator.id }],
      samples: [{ group: "migrants and family members", planned: 60, achieved: 60 }],
      findings: [{ indicator: { id: indicator.id } }],
      files: [{ fileName: "evaluation.pdf", mediaType: "application/pdf" }],
      canEdit: true,
    });
    expect(created.themes.map((t) => t.key).sort()).toEqual(["health", "migration"]);
    const file = await studyFile(manager, created.id, created.files[0]?.id ?? "");
    expect(file?.bytes).toEqual(pdf);
    expect(await db().auditEvent.count({ where: { entityType: "Study", entityId: created.id } })).toBe(2);
  });

  test("a study's documents go with it: deleting the study deletes their bytes from the store", async () => {
    const admin = await principalFor("admin@example.org");
    const made = await createStudy(admin, study({}), [{ name: "a.pdf", bytes: pdf }]);
    const { storageKey } = await db().studyFile.findFirstOrThrow({ where: { studyId: made.id } });
    expect(await db().evidenceBlob.count({ where: { key: storageKey } })).toBe(1);
    await db().study.delete({ where: { id: made.id } });
    expect(await db().evidenceBlob.count({ where: { key: storageKey } })).toBe(0);
  });

  test("viewers, evaluators and managers of another project may not file a study of the project", async () => {
    const peru = await projectId("PE-VEN-2021");
    for (const email of ["viewer@example.org", "evaluator@example.org"]) {
      await expect(createStudy(await principalFor(email), study({ projectIds: [peru] }))).rejects.toThrow(
        ForbiddenError,
      );
    }
    // Without projects, only an admin files a study.
    await expect(createStudy(await principalFor("manager@example.org"), study({}))).rejects.toThrow(ForbiddenError);
    await expect(createStudy(await principalFor("admin@example.org"), study({}))).resolves.toMatchObject({
      canEdit: true,
    });
  });

  test("a round of another project, an unknown type or a bad file is refused by name, and nothing is written", async () => {
    const peru = await projectId("PE-VEN-2021");
    const roma = await projectId("WB-ROMA-W");
    const manager = await principalFor("manager@example.org");
    const otherRound = await db().surveyRound.findFirstOrThrow({ where: { projectId: { not: peru } } });
    const before = await db().study.count();
    await expect(createStudy(manager, study({ projectIds: [peru], roundIds: [otherRound.id] }))).rejects.toMatchObject({
      fields: [{ field: "body.roundIds", code: "unknown" }],
    });
    await expect(createStudy(manager, study({ projectIds: [roma], typeKey: "no-such-type" }))).rejects.toMatchObject({
      fields: [{ field: "body.typeKey", code: "unknown" }],
    });
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    await expect(
      createStudy(manager, study({ projectIds: [peru] }), [{ name: "report.pdf", bytes: exe }]),
    ).rejects.toThrow(EvidenceRefused);
    expect(await db().study.count()).toBe(before);
  });
});

describe("searching the library", () => {
  test("Spanish stems and accents: 'evaluación' finds 'evaluaciones', 'participacion' finds 'participación'", async () => {
    const admin = await principalFor("admin@example.org");
    await createStudy(
      admin,
      study({
        texts: [{ language: "es", title: "Síntesis de evaluaciones del Quimbayal", abstract: "Revisa tres informes." }],
      }),
    );
    await createStudy(
      admin,
      study({
        texts: [{ language: "es", title: "Estudio del Quimbayal", abstract: "Sobre la participación comunitaria." }],
      }),
    );
    await createStudy(
      admin,
      study({ texts: [{ language: "es", title: "Migracion sin tilde en Quimbayal", abstract: "" }] }),
    );
    expect(titles(await searchStudies(admin, { q: "evaluación Quimbayal" }))).toEqual([
      "Síntesis de evaluaciones del Quimbayal",
    ]);
    expect(titles(await searchStudies(admin, { q: "participacion" }))).toEqual(["Estudio del Quimbayal"]);
    expect(titles(await searchStudies(admin, { q: "migración Quimbayal" }))).toEqual([
      "Migracion sin tilde en Quimbayal",
    ]);
    const [hit] = await searchStudies(admin, { q: "participación" });
    expect(hit?.snippet?.filter((p) => p.hit).map((p) => p.text)).toEqual(["participación"]);
  });

  test("a study's English and Spanish abstracts are both found, and its findings", async () => {
    const admin = await principalFor("admin@example.org");
    const both = await createStudy(
      admin,
      study({
        texts: [
          { language: "en", title: "Zephyrine baseline", abstract: "Household surveys of displaced families." },
          {
            language: "es",
            title: "Línea de base Zephyrine",
            abstract: "Encuestas a hogares de familias desplazadas.",
          },
        ],
        findings: [{ language: "en", statement: "Zephyrine remittances fell sharply after the floods." }],
      }),
    );
    for (const q of ["surveys", "households", "encuesta", "familia", "desplazada", "remittance", "flooding"]) {
      expect(
        (await searchStudies(admin, { q: `${q} Zephyrine` })).map((s) => s.id),
        q,
      ).toEqual([both.id]);
    }
  });

  test("filters are ANDed with the words and with the caller's scope", async () => {
    const admin = await principalFor("admin@example.org");
    const roma = await projectId("WB-ROMA-W");
    const peru = await projectId("PE-VEN-2021");
    const made = await createStudy(
      admin,
      study({
        typeKey: "baseline",
        texts: [{ language: "en", title: "Orrisroot baseline" }],
        method: "QUANTITATIVE",
        publishedOn: "2019-05-01",
        projectIds: [peru],
        locationIds: [await locationId("PE")],
        themeKeys: ["gender"],
      }),
    );
    const q = "Orrisroot";
    expect((await searchStudies(admin, { q, type: "baseline", country: "PE", theme: "gender" })).length).toBe(1);
    expect((await searchStudies(admin, { q, year: 2019, method: "QUANTITATIVE", project: peru })).length).toBe(1);
    for (const miss of [{ type: "midline" }, { country: "EC" }, { year: 2020 }, { method: "QUALITATIVE" }]) {
      expect(await searchStudies(admin, { q, ...miss }), JSON.stringify(miss)).toEqual([]);
    }
    expect(await searchStudies(admin, { q, project: roma })).toEqual([]);
    // Without words, filters alone list it.
    expect((await searchStudies(admin, { type: "baseline", year: 2019 })).map((s) => s.id)).toContain(made.id);
  });
});

describe("who sees which study", () => {
  test("members, admins, donor links and anonymous visitors see exactly the studies meant for them", async () => {
    const peru = await projectId("PE-VEN-2021");
    const hiv = await projectId("SA-HIV-MOB");
    const admin = await principalFor("admin@example.org");
    const make = async (title: string, visibility: "INTERNAL" | "DONORS" | "PUBLIC", projectIds: string[]) =>
      createStudy(admin, study({ texts: [{ language: "en", title: `Wombatvale ${title}` }], visibility, projectIds }));
    const made = {
      peruInternal: await make("peru internal", "INTERNAL", [peru]),
      peruDonors: await make("peru donors", "DONORS", [peru]),
      peruPublic: await make("peru public", "PUBLIC", [peru]),
      hivDonors: await make("hiv donors", "DONORS", [hiv]),
      orphanInternal: await make("orphan internal", "INTERNAL", []),
    };
    const callers: [string, Principal | null, (keyof typeof made)[]][] = [
      ["admin", admin, ["peruInternal", "peruDonors", "peruPublic", "hivDonors", "orphanInternal"]],
      ["peru viewer", await principalFor("viewer@example.org"), ["peruInternal", "peruDonors", "peruPublic"]],
      [
        "manager of both",
        await principalFor("manager@example.org"),
        ["peruInternal", "peruDonors", "peruPublic", "hivDonors"],
      ],
      ["peru donor link", { kind: "share", linkId: "l", projectId: peru }, ["peruDonors", "peruPublic"]],
      ["hiv donor link", { kind: "share", linkId: "l", projectId: hiv }, ["peruPublic", "hivDonors"]],
      ["anonymous", null, ["peruPublic"]],
    ];
    const names = Object.fromEntries(Object.entries(made).map(([k, v]) => [v.id, k]));
    for (const [who, principal, expected] of callers) {
      const listed = (await searchStudies(principal, { q: "Wombatvale" })).map((s) => names[s.id]).sort();
      expect(listed, who).toEqual([...expected].sort());
      // The count has the search's scope and words: the caller's readable matches, whatever the page's size.
      const page = await searchStudyPage(principal, { q: "Wombatvale" }, 1);
      expect(page.studies.length, who).toBe(1);
      expect(page.total, who).toBe(expected.length);
      for (const [key, s] of Object.entries(made)) {
        const read = await readStudy(principal, s.id);
        const allowed = canReadStudy(principal, { visibility: s.visibility, projectIds: s.projects.map((p) => p.id) });
        expect(read !== null, `${who} reads ${key}`).toBe(expected.includes(key as keyof typeof made));
        // The list's where term and the permission table agree, for every caller and study.
        expect(read !== null, `${who} ${key}`).toBe(allowed);
      }
    }
    // A donor link learns of no other project the study is linked to.
    const shared = await createStudy(
      admin,
      study({
        texts: [{ language: "en", title: "Wombatvale two projects" }],
        visibility: "DONORS",
        projectIds: [peru, hiv],
      }),
    );
    const seen = await readStudy({ kind: "share", linkId: "l", projectId: peru }, shared.id);
    expect(seen?.projects.map((p) => p.id)).toEqual([peru]);
    expect(seen?.canEdit).toBe(false);
  });
});

describe("the demo library", () => {
  test("the program documents' studies are searchable, each seen by whom it is meant for", async () => {
    const viewer = await principalFor("viewer@example.org");
    const [alma] = await searchStudies(viewer, { q: "evaluación Alma Llanera" });
    expect(alma?.texts[0]?.title).toBe("Evaluación final Proyecto Alma Llanera I");
    const full = await readStudy(viewer, alma?.id ?? "");
    expect(full).toMatchObject({ method: "MIXED", provenance: "DOCUMENT", rounds: [{ name: "Final evaluation" }] });
    // The EMPHASIS qualitative study is internal to its project: its manager finds it, the Peru viewer does not.
    const q = "qualitative Nepalese migrants";
    expect(await searchStudies(viewer, { q })).toEqual([]);
    const [emphasis] = await searchStudies(await principalFor("manager@example.org"), { q });
    expect(await readStudy(await principalFor("manager@example.org"), emphasis?.id ?? "")).toMatchObject({
      pageCount: 39,
      samples: [
        { group: "Migrants and family members", achieved: 60 },
        { group: "Key informants", achieved: 5 },
      ],
    });
    // Anonymous visitors see the public ones only: Honduras, Ciudad Juárez, the trafficking study, the conference.
    const titlesSeen = titles(await searchStudies(null, { q: "" }));
    expect(titlesSeen.filter((t) => !t?.startsWith("Wombatvale"))).toHaveLength(4);
  });
});

describe("a member of many projects", () => {
  test("the library's queries carry one parameter for the caller's projects, not one per project", async () => {
    const manager = await principalFor("manager@example.org");
    const MANY = 40;
    for (let n = 0; n < MANY; n++)
      await db().project.create({
        data: {
          ...{ code: `STUDY-MANY-${n}`, name: `Study many ${n}`, reportingFrequency: "QUARTERLY" },
          ...{ startDate: new Date("2025-01-01"), endDate: new Date("2025-12-31") },
          memberships: { create: { userId: manager.userId, role: "MANAGER" } },
        },
      });
    const member = await principalFor("manager@example.org");
    const sent: SentQuery[] = [];
    await watchQueries((query) => sent.push(query));
    const filters = await libraryFilters(member);
    const choices = await studyFormChoices(member);
    const found = await searchStudies(member, { q: "" });
    expect(filters.projects.filter((p) => p.code.startsWith("STUDY-MANY-"))).toHaveLength(MANY);
    expect(choices.projects.filter((p) => p.code.startsWith("STUDY-MANY-"))).toHaveLength(MANY);
    expect(found.length).toBeGreaterThan(0);
    // The statements that choose the projects and studies (relations of the rows found are loaded by their ids).
    const scoped = sent.filter(({ query }) => /FROM "public"\."(Project|Study)" /.test(query));
    expect(scoped.length).toBeGreaterThanOrEqual(3);
    const parameters = scoped.map(({ query }) =>
      Math.max(0, ...[...query.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]))),
    );
    expect(Math.max(...parameters)).toBeLessThan(MANY);
  });
});
