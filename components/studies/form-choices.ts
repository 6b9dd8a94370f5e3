// The filing form's choices in the page's language, from the service's (studyFormChoices): shared by the
// new-study and the edit pages so both offer the same.
import { nameFor } from "@/lib/domain/studies/text";
import type { studyFormChoices } from "@/lib/server/studies/service";
import type { StudyFormChoices } from "./study-form";

type Choices = Awaited<ReturnType<typeof studyFormChoices>>;

/** `places`: the study's own places, offered beside the countries so that an edit keeps them. */
export function formChoicesFor(
  choices: Choices,
  locale: string,
  places: { id: string; name: string }[] = [],
): StudyFormChoices {
  const countries = choices.countries.map((c) => ({ value: c.id, label: c.name }));
  const more = places.filter((p) => !countries.some((c) => c.value === p.id));
  return {
    types: choices.types.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
    themes: choices.themes.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
    countries: [...countries, ...more.map((p) => ({ value: p.id, label: p.name }))],
    projects: choices.projects.map((p) => ({
      id: p.id,
      label: p.code,
      rounds: p.surveyRounds.map((r) => ({ value: r.id, label: r.name })),
      indicators: p.indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.title}` })),
    })),
  };
}
