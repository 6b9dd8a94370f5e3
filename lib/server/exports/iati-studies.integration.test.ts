// A project's public studies in its IATI file (PGlite and PostgreSQL): one document-link per study marked
// public, valid against the official schema; studies shared with donors or internal are left out.
import { expect, test } from "vitest";
import { children, parseXml, type XmlElement } from "@/lib/formats/xml/tree";
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
