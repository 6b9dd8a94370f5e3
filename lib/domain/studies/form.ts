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

/** The study described by the form: one or two languages, a sample a line ("group; planned; achieved"), a finding a line. */
export function studyInputOfForm(form: FormData) {
  const texts = [0, 1].flatMap((i) => {
    const title = text(form, `title${i}`);
    const abstract = text(form, `abstract${i}`);
    if (i > 0 && !title && !abstract) return [];
    return [{ language: text(form, `language${i}`), title, abstract }];
  });
  const samples = text(form, "samples")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [group = "", planned = "", achieved = ""] = line.split(";").map((s) => s.trim());
      return { group, planned: intOrNull(planned), achieved: intOrNull(achieved) };
    });
  const findingIndicator = orNull(text(form, "findingIndicator"));
  const findings = text(form, "findings")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((statement) => ({ language: text(form, "language0"), statement, indicatorId: findingIndicator }));
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
