// Every real IATI file in test/fixtures/iati, each of its activities imported, exported, validated against
// the official schema and compared element by element with what was published: titles and descriptions
// per type and language, recipient regions, participating organisations, document links, and the
// periods' targets and actuals. A difference is allowed only where the import's preview named the
// element as not kept.
import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { clean, narrativesOf } from "@/lib/domain/projects/iati-kept";
import { readIati, readNumber } from "@/lib/formats/iati/read";
import { child, children, parseXml, type XmlElement } from "@/lib/formats/xml/tree";
import { importProject } from "@/lib/server/projects/create";
import { principalFor } from "@/lib/testing/principals";
import { validateIati } from "@/lib/testing/xmllint";
import { projectIatiXml } from "./iati-export";

const dir = "test/fixtures/iati";
const files = readdirSync(dir).filter((f) => f.endsWith(".xml"));

/** Each compared fact of an activity with the element it comes from. */
type Fact = { where: string; what: string };

const attrs = (e: XmlElement, names: string[], defaults: Record<string, string> = {}) =>
  names.map((n) => `${n}=${normal(e.attributes[n] ?? defaults[n] ?? "")}`).join(" ");
const normal = (v: string) => {
  const n = readNumber(v);
  return n === null ? clean(v) : String(n);
};
const texts = (e: XmlElement | undefined, lang: string) =>
  e
    ? narrativesOf(e, lang)
        .filter((n) => n.text)
        .map((n) => `[${n.lang}] ${n.text}`)
        .join(" | ")
    : "";

function facts(activity: XmlElement, path: string, exported: boolean): Fact[] {
  const lang = activity.attributes["xml:lang"] ?? "en";
  const out: Fact[] = [];
  const at = (where: string, what: string) => out.push({ where, what });
  for (const o of children(activity, "reporting-org"))
    at(`${path}/reporting-org`, `reporting org ${attrs(o, ["ref", "type"])} ${texts(o, lang)}`);
  for (const n of narrativesOf(child(activity, "title") ?? activity, lang).filter((x) => x.text))
    at(`${path}/title`, `title [${n.lang}] ${n.text}`);
  children(activity, "description").forEach((d) => {
    for (const n of narrativesOf(d, lang).filter((x) => x.text))
      at(`${path}/description`, `description type=${d.attributes.type ?? "1"} [${n.lang}] ${n.text}`);
  });
  for (const d of children(activity, "activity-date"))
    at(`${path}/activity-date`, `date ${attrs(d, ["type", "iso-date"])} ${texts(d, lang)}`);
  for (const r of children(activity, "recipient-region"))
    at(`${path}/recipient-region`, `region ${attrs(r, ["code", "vocabulary", "percentage"], { vocabulary: "1" })}`);
  for (const o of children(activity, "participating-org"))
    at(`${path}/participating-org`, `org ${attrs(o, ["ref", "type", "role"])} ${texts(o, lang)}`);
  for (const d of children(activity, "document-link"))
    at(
      `${path}/document-link`,
      `document ${attrs(d, ["url", "format"])} ${texts(child(d, "title"), lang)} ${children(d, "category")
        .map((c) => c.attributes.code)
        .join(",")}`,
    );
  children(activity, "result").forEach((r, i) => {
    const result = `${path}/result[${i + 1}]`;
    for (const part of ["title", "description"])
      for (const n of narrativesOf(child(r, part) ?? { ...r, children: [] }, lang).filter((x) => x.text))
        at(`${result}/${part}/narrative[@xml:lang='${n.lang}']`, `result ${part} [${n.lang}] ${n.text}`);
    children(r, "indicator").forEach((ind, j) => {
      const where = `${result}/indicator[${j + 1}]`;
      const titles = narrativesOf(child(ind, "title") ?? { ...ind, children: [] }, lang).filter((x) => x.text);
      const name = titles.find((n) => n.lang === lang)?.text ?? titles[0]?.text ?? "";
      for (const part of ["title", "description"])
        for (const n of narrativesOf(child(ind, part) ?? { ...ind, children: [] }, lang).filter((x) => x.text))
          at(`${where}/${part}/narrative[@xml:lang='${n.lang}']`, `indicator ${part} [${n.lang}] ${n.text}`);
      children(ind, "period").forEach((p, k) => {
        // The app's own life-of-project totals are derived from the periods', not published values.
        if (exported && p.attributes["me:scope"] === "life-of-project") return;
        const end = child(p, "period-end")?.attributes["iso-date"];
        for (const kind of ["target", "actual"])
          children(p, kind).forEach((v, m) => {
            const value = v.attributes.value ?? texts(child(v, "comment"), lang).replace(/^\[[^\]]+\] /, "");
            if (clean(value))
              at(`${where}/period[${k + 1}]/${kind}[${m + 1}]`, `${name} ${end} ${kind} ${normal(value)}`);
          });
      });
    });
  });
  return out;
}

/** What the published activity says that its export does not, and what the export says that it did not. */
function differences(published: Fact[], exported: Fact[]): Fact[] {
  const has = (list: Fact[]) => new Set(list.map((f) => f.what));
  const inExport = has(exported);
  const inPublished = has(published);
  return [
    ...published.filter((f) => !inExport.has(f.what)),
    // The app adds no text, region, organisation or link of its own to an imported activity.
    ...exported
      .filter((f) => !/\/period\[/.test(f.where) && !inPublished.has(f.what))
      .map((f) => ({ ...f, where: `export: ${f.where}` })),
  ];
}

test.each(files)("%s: every activity round-trips; all it loses is named in the preview", async (file) => {
  const admin = await principalFor("admin@example.org");
  const content = readFileSync(`${dir}/${file}`, "utf8");
  const published = children(child(parseXml(content), "iati-activities"), "iati-activity");
  const { activities } = readIati(content);
  expect(activities.length).toBe(published.length);
  for (const [index, { identifier }] of activities.entries()) {
    const code = `RT-${file.slice(5, 12)}-${index + 1}`.replace(/[^A-Za-z0-9._-]/g, "-");
    const preview = await importProject(
      admin,
      { format: "iati", content, activity: identifier, code },
      { dryRun: true },
    );
    expect(preview.problems, identifier).toEqual([]);
    const imported = await importProject(
      admin,
      { format: "iati", content, activity: identifier, code },
      { dryRun: false },
    );
    expect(imported.problems, identifier).toEqual([]);
    const xml = (await projectIatiXml(admin, imported.projectId ?? ""))?.xml ?? "";
    expect(() => validateIati(xml, code), identifier).not.toThrow();
    const path = `iati-activity[${index + 1}]`;
    const original = published[index];
    const [again] = children(child(parseXml(xml), "iati-activities"), "iati-activity");
    if (!original || !again) throw new Error(`${identifier}: no activity`);
    const named = preview.warnings.filter((w) => w.where.startsWith(`${path}/`)).map((w) => w.where);
    const unnamed = differences(facts(original, path, false), facts(again, path, true)).filter(
      (d) => !named.some((w) => d.where === w || d.where.startsWith(`${w}/`)),
    );
    expect(unnamed, identifier).toEqual([]);
  }
});

test("an activity whose English title is empty and whose summary is only in French (as the AfDB publishes some) keeps both languages", async () => {
  const admin = await principalFor("admin@example.org");
  const content = readFileSync(`${dir}/iati-standard-example-annotated-2.03.xml`, "utf8")
    .replace("<narrative>Activity title</narrative>", "<narrative></narrative>")
    .replace(/<narrative>General activity description text.[^<]*<\/narrative>\s*/, "");
  const preview = await importProject(admin, { format: "iati", content, code: "AFDB-LIKE" }, { dryRun: true });
  expect(preview.project?.name).toBe("Titre de l'activité");
  const imported = await importProject(admin, { format: "iati", content, code: "AFDB-LIKE" }, { dryRun: false });
  const xml = (await projectIatiXml(admin, imported.projectId ?? ""))?.xml ?? "";
  validateIati(xml, "AFDB-LIKE");
  expect(xml).not.toContain("<narrative>AA-AAA-123456789-ABC123</narrative>");
  // The French summary keeps its language; nothing is written as English that was not.
  expect(xml).toMatch(/<description type="1">\s*<narrative xml:lang="fr">Activité générale/);
  expect(xml).not.toMatch(/<narrative>Activité générale/);
  const [original] = children(child(parseXml(content), "iati-activities"), "iati-activity");
  const [again] = children(child(parseXml(xml), "iati-activities"), "iati-activity");
  if (!original || !again) throw new Error("no activity");
  const lost = differences(facts(original, "iati-activity[1]", false), facts(again, "iati-activity[1]", true));
  expect(lost.filter((d) => !/\/period\[/.test(d.where))).toEqual([]);
});

test("a qualitative indicator's targets in words, for a period and a place, go out with its values", async () => {
  const admin = await principalFor("admin@example.org");
  // The standard's example with its indicator qualitative, its target and value at one place and not by sex.
  const content = readFileSync(`${dir}/iati-standard-example-annotated-2.03.xml`, "utf8")
    .replace('measure="1"', 'measure="5"')
    .replace(/<location ref="AF-KAN" \/>\s*/g, "")
    .replace(/<dimension name="[^"]*" value="[^"]*" \/>\s*/g, "");
  const imported = await importProject(admin, { format: "iati", content, code: "QUAL-RT" }, { dryRun: false });
  expect(imported.problems).toEqual([]);
  const xml = (await projectIatiXml(admin, imported.projectId ?? ""))?.xml ?? "";
  validateIati(xml, "QUAL-RT");
  expect(xml).toMatch(
    /<period-end iso-date="2013-03-31"\/>\s*<target>\s*<location ref="KH-PNH"\/>\s*<comment>\s*<narrative>10<\/narrative>/,
  );
  const [original] = children(child(parseXml(content), "iati-activities"), "iati-activity");
  const [again] = children(child(parseXml(xml), "iati-activities"), "iati-activity");
  if (!original || !again) throw new Error("no activity");
  const periods = differences(facts(original, "iati-activity[1]", false), facts(again, "iati-activity[1]", true));
  expect(periods.filter((d) => /\/period\[/.test(d.where))).toEqual([]);
});
