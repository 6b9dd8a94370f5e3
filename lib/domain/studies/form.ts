// The filing form's fields as the study's input (lib/domain/studies/input.ts), and the input's problems
// as the form's fields. Pure: the server action reads the form through it.

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};
const orNull = (s: string) => (s === "" ? null : s);
const intOrNull = (s: string) => (s === "" ? null : Number.isInteger(Number(s)) ? Number(s) : Number.NaN);
const list = (form: FormData, name: string) =>
  form
    .getAll(name)
    .map(String)
    .filter((v) => v !== "");

/**
 * The study described by the form: one or two languages (an edited study's further languages, which the
 * form does not show, kept from its hidden field), a sample a line ("group; planned; achieved"), a finding a line.
 */
export function studyInputOfForm(form: FormData) {
  const shown = [0, 1].flatMap((i) => {
    const title = text(form, `title${i}`);
    const abstract = text(form, `abstract${i}`);
    if (i > 0 && !title && !abstract) return [];
    return [{ language: text(form, `language${i}`), title, abstract }];
  });
  const texts = [
    ...shown,
    ...keptTexts(text(form, "textsKept")).filter((k) => !shown.some((t) => t.language === k.language)),
  ];
  const samples = text(form, "samples")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [group = "", planned = "", achieved = ""] = line.split(";").map((s) => s.trim());
      return { group, planned: intOrNull(planned), achieved: intOrNull(achieved) };
    });
  const findingIndicator = orNull(text(form, "findingIndicator"));
  const kept = keptFindings(text(form, "findingsKept"));
  const findings = text(form, "findings")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((statement) => {
      // A finding left as it was keeps its language and indicator (the form has one of each for new ones).
      const same = kept.findIndex((f) => f.statement === statement);
      if (same >= 0) return kept.splice(same, 1)[0] as KeptFinding;
      return { language: text(form, "language0"), statement, indicatorId: findingIndicator };
    });
  return {
    typeKey: text(form, "typeKey"),
    texts,
    method: orNull(text(form, "method")),
    instruments: text(form, "instruments"),
    fieldworkStart: orNull(text(form, "fieldworkStart")),
    fieldworkEnd: orNull(text(form, "fieldworkEnd")),
    publishedOn: orNull(text(form, "publishedOn")),
    authors: text(form, "authors"),
    commissionedBy: text(form, "commissionedBy"),
    pageCount: intOrNull(text(form, "pageCount")),
    visibility: text(form, "visibility") || "INTERNAL",
    projectIds: list(form, "projectIds"),
    locationIds: list(form, "locationIds"),
    roundIds: list(form, "roundIds"),
    indicatorIds: [...new Set([...list(form, "indicatorIds"), ...(findingIndicator ? [findingIndicator] : [])])],
    themeKeys: list(form, "themeKeys"),
    samples,
    findings,
  };
}

type KeptFinding = { language: string; statement: string; indicatorId: string | null };
type KeptText = { language: string; title: string; abstract: string };

/** The texts past the form's two languages that the edit form started with (its hidden field). */
function keptTexts(json: string): KeptText[] {
  try {
    const parsed: unknown = JSON.parse(json || "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((t) =>
      t && typeof t.language === "string" && typeof t.title === "string" && typeof t.abstract === "string"
        ? [{ language: t.language, title: t.title, abstract: t.abstract }]
        : [],
    );
  } catch {
    return [];
  }
}

/** The findings the edit form started with (its hidden field), as the study has them; none when unreadable. */
function keptFindings(json: string): KeptFinding[] {
  try {
    const parsed: unknown = JSON.parse(json || "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((f) =>
      f && typeof f.language === "string" && typeof f.statement === "string"
        ? [
            {
              language: f.language,
              statement: f.statement.trim(),
              indicatorId: typeof f.indicatorId === "string" ? f.indicatorId : null,
            },
          ]
        : [],
    );
  } catch {
    return [];
  }
}

type StoredStudy = {
  typeKey: string;
  texts: { language: string; title: string; abstract: string }[];
  method: string | null;
  instruments: string;
  fieldworkStart: string | null;
  fieldworkEnd: string | null;
  publishedOn: string | null;
  authors: string;
  commissionedBy: string;
  pageCount: number | null;
  visibility: string;
  projectIds: string[];
  locationIds: string[];
  roundIds: string[];
  indicatorIds: string[];
  themeKeys: string[];
  samples: { group: string; planned: number | null; achieved: number | null }[];
  findings: KeptFinding[];
};

/**
 * A stored study as the form's fields (the edit form's start), which studyInputOfForm reads back as the
 * same study: its first two languages (any further ones in a hidden field, so an edit never drops them), a
 * sample and a finding a line; the findings also in a hidden field, so that those left as they were keep
 * their language and indicator.
 */
export function studyFormValues(study: StoredStudy) {
  const values: Record<string, string> = {
    typeKey: study.typeKey,
    method: study.method ?? "",
    instruments: study.instruments,
    fieldworkStart: study.fieldworkStart ?? "",
    fieldworkEnd: study.fieldworkEnd ?? "",
    publishedOn: study.publishedOn ?? "",
    authors: study.authors,
    commissionedBy: study.commissionedBy,
    pageCount: study.pageCount === null ? "" : String(study.pageCount),
    visibility: study.visibility,
    samples: study.samples.map((x) => [x.group, x.planned ?? "", x.achieved ?? ""].join("; ")).join("\n"),
    findings: study.findings.map((f) => f.statement).join("\n"),
    findingsKept: JSON.stringify(study.findings),
    textsKept: JSON.stringify(study.texts.slice(2)),
  };
  study.texts.slice(0, 2).forEach((t, i) => {
    values[`language${i}`] = t.language;
    values[`title${i}`] = t.title;
    values[`abstract${i}`] = t.abstract;
  });
  const lists = {
    projectIds: study.projectIds,
    locationIds: study.locationIds,
    roundIds: study.roundIds,
    indicatorIds: study.indicatorIds,
    themeKeys: study.themeKeys,
  };
  return { values, lists };
}

/** The form field an input problem belongs to (by its path in the input). */
export function studyFormField(path: readonly PropertyKey[]): string {
  const [head, index, leaf] = path;
  if (head === "texts") {
    if (typeof index === "number" && typeof leaf === "string")
      return `${leaf === "language" ? "language" : leaf}${index}`;
    return "language1";
  }
  if (head === "findings" && leaf === "indicatorId") return "findingIndicator";
  return String(head ?? "form");
}
