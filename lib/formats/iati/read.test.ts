import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { bigInput } from "@/lib/testing/budgets";
import { readIati, readNumber, slug } from "./read";

const example = readFileSync("test/fixtures/iati/iati-standard-example-annotated-2.03.xml", "utf8");

describe("readNumber", () => {
  test("reads numbers as publishers write them", () => {
    expect(readNumber("1,300.00")).toBe(1300);
    expect(readNumber(" 36% ")).toBe(36);
    expect(readNumber("-2.5")).toBe(-2.5);
    expect(readNumber("17 women owned organizations")).toBeNull();
    expect(readNumber("1,30")).toBeNull();
    expect(readNumber("")).toBeNull();
  });
});

test("slug makes stable keys from dimension names and values", () => {
  expect(slug("Sex")).toBe("sex");
  expect(slug("Población indígena")).toBe("poblacion-indigena");
});

test("the IATI Standard's own example reads into a project, with what it cannot hold as warnings", () => {
  const { definition, problems, warnings } = readIati(example);
  expect(problems).toEqual([]);
  expect(definition).toMatchObject({
    code: "ABC123",
    name: "Activity title",
    startDate: "2012-04-28",
    endDate: "2015-12-31",
    donor: "Name of Agency B",
    locations: ["AF", "AG", "AF-KAN", "KH-PNH"],
  });
  expect(definition?.newLocations).toContainEqual({ ref: "AF", name: "Afghanistan", level: "COUNTRY" });
  expect(definition?.newLocations).toContainEqual(
    expect.objectContaining({ ref: "AF-KAN", level: "ADMIN1", parent: "AF" }),
  );
  const indicator = definition?.nodes?.[0]?.indicators?.[0];
  expect(indicator).toMatchObject({ code: "B1", measure: "COUNT", direction: "INCREASE" });
  // Its baseline is for female adults in two places: not the indicator's figure, kept as its note.
  expect(indicator?.baseline).toEqual({
    note: "sex female, age adult, AF-KAN, KH-PNH: 10 (2012)",
    provenance: "DOCUMENT",
  });
  const figures = warnings.filter((w) => w.code !== "notKept");
  expect(figures.map((w) => w.code)).toEqual(["subgroupBaselineOnly", "severalDimensions", "severalDimensions"]);
  expect(figures[0]?.where).toBe("iati-activity[1]/result[1]/indicator[1]/baseline");
  // Its target and actual are for female adults in two places at once: not a figure the app can hold.
  expect(figures[1]?.where).toBe("iati-activity[1]/result[1]/indicator[1]/period[1]/target[1]");
});

test("texts in every language, every description type, organisations, regions and links are kept as published; the rest is named", () => {
  const { definition, warnings } = readIati(example);
  // The project's languages are the file's: English, then the French and Spanish of its texts.
  expect(definition?.languages).toEqual(["en", "fr", "es"]);
  const kept = definition?.iati?.kept;
  const names = (kept?.elements ?? []).map((e) => `${e.name}${e.attributes.type ? `/${e.attributes.type}` : ""}`);
  expect(names).toEqual([
    "reporting-org/40",
    "title",
    "description/1",
    "description/2",
    "description/3",
    "participating-org/40",
    "participating-org/10",
    "participating-org/21",
    "activity-date/1",
    "activity-date/2",
    "activity-date/3",
    "recipient-region",
    "recipient-region",
    "document-link",
  ]);
  const title = (kept?.elements ?? []).find((e) => e.name === "title");
  expect(title?.children.map((n) => [n.attributes["xml:lang"], n.text])).toEqual([
    [undefined, "Activity title"],
    ["fr", "Titre de l'activité"],
    ["es", "Título de la actividad"],
  ]);
  expect((kept?.elements ?? []).filter((e) => e.name === "recipient-region").map((e) => e.attributes)).toEqual([
    { code: "489", vocabulary: "1", percentage: "25" },
    { code: "A1", vocabulary: "99", "vocabulary-uri": "http://example.com/vocab.html", percentage: "25" },
  ]);
  expect(
    (kept?.elements ?? []).find((e) => e.name === "participating-org" && e.attributes.role === "3")?.attributes,
  ).toMatchObject({
    ref: "AA-AAA-123456789",
    type: "21",
  });
  expect(kept?.indicators?.B1?.map((e) => e.name)).toEqual([
    "title",
    "description",
    "document-link",
    "reference",
    "reference",
  ]);
  // Budgets, transactions, sectors…: each named once, by element and activity, with how many.
  expect(warnings).toContainEqual(
    expect.objectContaining({ where: "iati-activity[1]/sector", code: "notKept", detail: "×3" }),
  );
  expect(warnings).toContainEqual(expect.objectContaining({ where: "iati-activity[1]/transaction", code: "notKept" }));
  expect(
    warnings.some((w) =>
      /^iati-activity\[1\](\/(reporting-org|title|description|participating-org|activity-date|recipient-region|document-link)|\/result\[\d+\](\/indicator\[\d+\])?\/(title|description|document-link|reference))$/.test(
        w.where,
      ),
    ),
  ).toBe(false);
});

test("a title empty in the activity's language is taken from another language, never the identifier", () => {
  // As the African Development Bank publishes some: the English title empty, the French one given.
  const xml = example.replace("<narrative>Activity title</narrative>", "<narrative></narrative>");
  const { definition } = readIati(xml);
  expect(definition?.name).toBe("Titre de l'activité");
  expect((definition?.iati?.kept?.elements ?? []).find((e) => e.name === "title")?.children[0]?.text).toBe("");
});

test("a file that is not XML or not IATI is a problem, not a crash", () => {
  expect(readIati("<iati-activities><iati-activity>").problems[0]?.code).toBe("xmlSyntax");
  expect(readIati("<html/>").problems[0]?.code).toBe("notIati");
  expect(readIati(example, { activity: "nope" }).problems[0]?.code).toBe("unknownActivity");
});

test("external entities are never read", () => {
  const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]><iati-activities><iati-activity><title><narrative>&secret;</narrative></title></iati-activity></iati-activities>`;
  const reading = readIati(xml);
  expect(JSON.stringify(reading)).not.toContain("root:");
});

test("a DTD, absurd nesting or an oversized file is refused by name, never read", bigInput, () => {
  const withDtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><iati-activities>&a;</iati-activities>';
  expect(readIati(withDtd).problems[0]?.code).toBe("xmlDoctype");
  const deep = `<iati-activities>${"<a>".repeat(200)}${"</a>".repeat(200)}</iati-activities>`;
  expect(readIati(deep).problems[0]?.code).toBe("xmlTooDeep");
  expect(readIati(`<iati-activities>${" ".repeat(21 * 1024 * 1024)}</iati-activities>`).problems[0]?.code).toBe(
    "xmlTooLarge",
  );
});

test("a 2.01 or 2.02 file is read, and the preview says it was read with the 2.03 rules", () => {
  for (const version of ["2.01", "2.02"]) {
    const older = example.replace(/(<iati-activities[^>]*version=")2\.03"/, `$1${version}"`);
    expect(older).not.toBe(example);
    const { definition, problems, warnings } = readIati(older);
    expect(problems).toEqual([]);
    expect(definition).not.toBeNull();
    expect(warnings).toContainEqual({ where: "iati-activities", code: "olderVersion", detail: version });
  }
  expect(readIati(example).warnings.map((w) => w.code)).not.toContain("olderVersion");
});

test("one indicator listed under several results is imported once, with the values of each", () => {
  // The example's first result again, as a second result listing the same indicator (code B1).
  const result = /<result type="1"[\s\S]*?<\/result>/.exec(example)?.[0] ?? "";
  expect(result).toContain('code="B1"');
  const twice = example.replace(result, `${result}${result.replace('type="1"', 'type="2"')}`);
  const { definition, problems, warnings } = readIati(twice);
  expect(problems).toEqual([]);
  const b1 = definition?.nodes?.flatMap((n) => n.indicators ?? []).filter((i) => i.code === "B1") ?? [];
  expect(b1).toHaveLength(1);
  const once = readIati(example).definition?.nodes?.[0]?.indicators?.[0];
  expect(b1[0]?.targets).toEqual(once?.targets); // the same figures listed twice count once
  expect(warnings).toContainEqual(
    expect.objectContaining({
      code: "indicatorUnderSeveralResults",
      detail: "B1",
      where: "iati-activity[1]/result[2]/indicator[1]",
    }),
  );
});

test("baselines in words (qualitative indicators) are kept as the baseline's note, not dropped", () => {
  const worldBank = readFileSync("test/fixtures/iati/iati-worldbank-679-2.03.xml", "utf8");
  const { definition, problems } = readIati(worldBank);
  expect(problems).toEqual([]);
  const qualitative = definition?.nodes?.flatMap((n) => n.indicators ?? []).filter((i) => i.measure === "QUALITATIVE");
  const notes = qualitative?.map((i) => i.baseline?.note);
  expect(notes).toContain("No");
  expect(notes).toContain("IGC Secretariat and JWG established");
  expect(qualitative?.every((i) => i.baseline?.value === undefined)).toBe(true);
});

test("overlapping periods (the World Bank's, each from the baseline to a measurement) keep every value at its own period's end", () => {
  const worldBank = readFileSync("test/fixtures/iati/iati-worldbank-679-2.03.xml", "utf8");
  // Each actual as published: its period's end and its value, by the order of activities.
  const published = [...worldBank.matchAll(/<iati-activity[\s\S]*?<\/iati-activity>/g)].map((activity) =>
    [...activity[0].matchAll(/<period>([\s\S]*?)<\/period>/g)]
      .flatMap((period) => {
        const end = /<period-end iso-date="([^"]+)"/.exec(period[1] ?? "")?.[1];
        return [...(period[1] ?? "").matchAll(/<actual value="([^"]+)"/g)].map((a) => `${end} ${readNumber(a[1])}`);
      })
      .sort(),
  );
  const identifiers = [...worldBank.matchAll(/<iati-identifier>([^<]+)</g)].map((m) => m[1] ?? "");
  let moved = 0;
  identifiers.forEach((activity, i) => {
    const { definition, warnings } = readIati(worldBank, { activity });
    const periods = definition?.periods ?? [];
    // The project's periods never share a day…
    for (const [k, p] of periods.entries()) if (k > 0) expect(p.startDate > (periods[k - 1]?.endDate ?? "")).toBe(true);
    // …and every published actual is read at its own end date, with its own number.
    const endOf = new Map(periods.map((p) => [p.label, p.endDate]));
    const read = (definition?.nodes ?? [])
      .flatMap((n) => n.indicators ?? [])
      .filter((ind) => ind.measure !== "QUALITATIVE")
      .flatMap((ind) =>
        (ind.results ?? []).map((r) => `${endOf.get(r.when)} ${r.value ?? `${r.numerator}/${r.denominator}`}`),
      )
      .sort();
    const numeric = (published[i] ?? []).filter((v) => !v.endsWith(" null")); // words: qualitative
    expect(read).toEqual(numeric);
    moved += warnings.filter((w) => w.code === "periodStartMoved").length;
    // Values from the baseline to a date are running totals: never summed over periods.
    const overlapped = warnings.filter((w) => w.code === "overlappingPeriodsCumulative").map((w) => w.where);
    for (const where of overlapped) expect(where).toMatch(/\/result\[\d+\]\/indicator\[\d+\]$/);
  });
  expect(moved).toBeGreaterThan(0);
});
