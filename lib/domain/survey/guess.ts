// First rules for a file this project has no rules for yet, guessed from its column names (Kobo group
// paths ignored), for the evaluator to check. Pure: no I/O.
import { bandFromName, type SurveyRules } from "./rules";

const hints = {
  place:
    /^(region|regi[oó]n|place|lugar|location|site|sitio|district|distrito|province|provincia|department|departamento|iso|country|pa[ií]s)$/i,
  date: /^(today|date|fecha|survey_date|interview_date|_submission_time|submissiondate)$/i,
  weight: /^(weight|peso|wt|survey_weight|sampling_weight)$/i,
  sex: /^(sex|sexo|gender|g[eé]nero|resp_sex|respondent_sex)$/i,
  age: /^(age|edad|resp_age|respondent_age)$/i,
};

const last = (header: string) => header.split("/").at(-1) ?? header;

export function guessRules(
  headers: string[],
  dimensions: { key: string; options: { key: string; name: string }[] }[],
): Partial<SurveyRules> {
  const find = (hint: RegExp) => headers.find((h) => hint.test(last(h)));
  const disaggregations = dimensions.flatMap((d) => {
    const hint = d.key === "sex" ? hints.sex : d.key === "age" ? hints.age : new RegExp(`^${d.key}$`, "i");
    const column = find(hint);
    if (!column) return [];
    return [{ dimension: d.key, column, bands: bandsOf(d.options) }];
  });
  const place = find(hints.place);
  const date = find(hints.date);
  const weight = find(hints.weight);
  return {
    ...(place ? { place } : {}),
    ...(date ? { date } : {}),
    ...(weight ? { weight } : {}),
    statuses: ["approved"],
    disaggregations,
    indicators: [],
  };
}

/** Ranges read from option names ("0-17", "18+"), when every option has one; none otherwise. */
export function bandsOf(options: { key: string; name: string }[]) {
  const bands = options.map((o) => ({ option: o.key, ...(bandFromName(o.name) ?? bandFromName(o.key)) }));
  return bands.every((b) => "from" in b) ? (bands as { option: string; from: number | null; to: number | null }[]) : [];
}
