// A project's public studies in its IATI file (PGlite and PostgreSQL): one document-link per study marked
// public, valid against the official schema; studies shared with donors or internal are left out.
import { expect, test } from "vitest";
import { studyCategory } from "@/lib/domain/studies/iati";
import { children, parseXml, type XmlElement } from "@/lib/formats/xml/tree";
import { db } from "@/lib/platform/db";
import { importProject } from "@/lib/server/projects/create";
import { createStudy } from "@/lib/server/studies/service";
import { principalFor, projectId } from "@/lib/testing/principals";
import { validateIati as validate } from "@/lib/testing/xmllint";
import { projectIatiXml } from "./iati-export";

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

test("public studies are exported as document-links with titles per language, category, languages and date", async () => {
  const peru = await projectId("PE-VEN-2021");
  const admin = await principalFor("admin@example.org");
  const make = (visibility: "INTERNAL" | "DONORS" | "PUBLIC", typeKey: string, withFile: boolean) =>
    createStudy(
      admin,
      {
        typeKey,
        texts: [
          { language: "es", title: `Evaluación Pangolín ${visibility}` },
          { language: "en", title: `Pangolin evaluation ${visibility}` },
        ],
        publishedOn: "2022-01-15",
        visibility,
        projectIds: [peru],
      },
      withFile ? [{ name: "evaluation.pdf", bytes: pdf }] : [],
    );
  const open = await make("PUBLIC", "evaluation", true);
  await make("DONORS", "evaluation", true);
  await make("INTERNAL", "evaluation", true);
  const report = await make("PUBLIC", "learning-report", false);

  const xml = (await projectIatiXml(admin, peru))?.xml ?? "";
  expect(() => validate(xml, "PE-VEN-2021 with studies")).not.toThrow();
  const activity = children(children(parseXml(xml), "iati-activities")[0], "iati-activity")[0] as XmlElement;
  const links = children(activity, "document-link").filter((d) =>
    children(children(d, "title")[0] as XmlElement, "narrative").some((n) => /Pangol/.test(n.text ?? "")),
  );
  const read = (d: XmlElement) => ({
    url: d.attributes.url,
    format: d.attributes.format,
    titles: children(children(d, "title")[0] as XmlElement, "narrative").map((n) => [n.attributes["xml:lang"], n.text]),
    categories: children(d, "category").map((c) => c.attributes.code),
    languages: children(d, "language").map((c) => c.attributes.code),
    date: children(d, "document-date")[0]?.attributes["iso-date"],
  });
  expect(links.map(read)).toEqual([
    {
      url: `http://localhost:3000/library/${open.id}/files/${open.files[0]?.id}`,
      format: "application/pdf",
      titles: [
        ["en", "Pangolin evaluation PUBLIC"],
        ["es", "Evaluación Pangolín PUBLIC"],
      ],
      categories: ["A07"],
      languages: ["en", "es"],
      date: "2022-01-15",
    },
    {
      url: `http://localhost:3000/library/${report.id}`,
      format: "text/html",
      titles: [
        ["en", "Pangolin evaluation PUBLIC"],
        ["es", "Evaluación Pangolín PUBLIC"],
      ],
      categories: ["A08"],
      languages: ["en", "es"],
      date: "2022-01-15",
    },
  ]);
});

test("export then import: the imported project's studies have the exported titles, languages, dates and categories", async () => {
  const hiv = await projectId("SA-HIV-MOB");
  const admin = await principalFor("admin@example.org");
  for (const [typeKey, en, es, publishedOn] of [
    ["baseline", "Okapi baseline", "Línea de base okapi", "2020-03-01"],
    ["learning-report", "Okapi learning report", "Informe de aprendizaje okapi", undefined],
  ] as const) {
    await createStudy(admin, {
      typeKey,
      texts: [
        { language: "en", title: en },
        { language: "es", title: es },
      ],
      ...(publishedOn && { publishedOn }),
      visibility: "PUBLIC",
      projectIds: [hiv],
    });
  }
  const content = (await projectIatiXml(admin, hiv))?.xml ?? "";
  const activity = children(children(parseXml(content), "iati-activities")[0], "iati-activity")[0] as XmlElement;
  const exported = children(activity, "document-link").map((d) => ({
    titles: children(children(d, "title")[0] as XmlElement, "narrative")
      .map((n) => `${n.attributes["xml:lang"]}:${n.text}`)
      .sort(),
    category: children(d, "category")[0]?.attributes.code ?? "",
    date: children(d, "document-date")[0]?.attributes["iso-date"] ?? null,
  }));
  expect(exported.length).toBeGreaterThanOrEqual(2);

  const imported = await importProject(admin, { format: "iati", content, code: "RT-STUDIES" }, { dryRun: false });
  expect(imported.problems).toEqual([]);
  const studies = await db().study.findMany({
    where: { projects: { some: { projectId: imported.projectId ?? "" } } },
    select: { typeKey: true, publishedOn: true, visibility: true, texts: { select: { language: true, title: true } } },
  });
  const back = studies.map((s) => ({
    titles: s.texts.map((t) => `${t.language}:${t.title}`).sort(),
    category: studyCategory(s.typeKey),
    date: s.publishedOn ? s.publishedOn.toISOString().slice(0, 10) : null,
  }));
  const order = (list: typeof back) => [...list].sort((a, b) => a.titles.join().localeCompare(b.titles.join()));
  expect(order(back)).toEqual(order(exported));
  expect(back).toContainEqual({
    titles: ["en:Okapi learning report", "es:Informe de aprendizaje okapi"],
    category: "A08",
    date: null,
  });
  // Filed internal in the importing project: not published again as studies (the links stay as published).
  expect(studies.every((s) => s.visibility === "INTERNAL")).toBe(true);
  const again = (await projectIatiXml(admin, imported.projectId ?? ""))?.xml ?? "";
  expect(() => validate(again, "RT-STUDIES")).not.toThrow();
  expect(again.match(/<document-link /g)?.length).toBe(exported.length);
});
