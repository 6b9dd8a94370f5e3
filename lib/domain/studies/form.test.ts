// The edit form starts from the stored study and reads back as the same study (findings left as they were
// keep their language and indicator; new ones take the form's).
import { describe, expect, test } from "vitest";
import { studyFormValues, studyInputOfForm } from "./form";
import { studyInput } from "./input";

const stored = studyInput.parse({
  typeKey: "evaluation",
  texts: [
    { language: "en", title: "Final evaluation", abstract: "Phone survey." },
    { language: "es", title: "Evaluación final", abstract: "Encuesta telefónica." },
  ],
  method: "MIXED",
  fieldworkStart: "2021-10-01",
  fieldworkEnd: "2021-11-30",
  pageCount: 48,
  visibility: "DONORS",
  projectIds: ["p1"],
  locationIds: ["l1", "l2"],
  roundIds: ["r1"],
  indicatorIds: ["i1"],
  themeKeys: ["migration"],
  samples: [{ group: "migrants", planned: 60, achieved: null }],
  findings: [
    { language: "es", statement: "La mayoría accedió a salud.", indicatorId: "i1" },
    { language: "en", statement: "Few had papers.", indicatorId: null },
  ],
});

function formOf({ values, lists }: ReturnType<typeof studyFormValues>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  for (const [name, items] of Object.entries(lists)) for (const item of items) form.append(name, item);
  return form;
}

describe("the edit form's fields", () => {
  test("read back as the stored study", () => {
    expect(studyInput.parse(studyInputOfForm(formOf(studyFormValues(stored))))).toEqual(stored);
  });

  test("a study in more languages than the form shows keeps them all; a language shown wins over its kept copy", () => {
    const three = studyInput.parse({
      ...stored,
      texts: [...stored.texts, { language: "fr", title: "Évaluation finale", abstract: "Enquête téléphonique." }],
    });
    expect(studyInput.parse(studyInputOfForm(formOf(studyFormValues(three))))).toEqual(three);
    const form = formOf(studyFormValues(three));
    form.set("language1", "fr");
    form.set("title1", "Évaluation (revue)");
    expect(studyInputOfForm(form).texts.map((t) => [t.language, t.title])).toEqual([
      ["en", "Final evaluation"],
      ["fr", "Évaluation (revue)"],
    ]);
  });

  test("a finding changed or added takes the form's language and indicator; one left as it was keeps its own", () => {
    const form = formOf(studyFormValues(stored));
    form.set("findings", "La mayoría accedió a salud.\nA new finding.");
    form.set("findingIndicator", "i2");
    expect(studyInputOfForm(form).findings).toEqual([
      { language: "es", statement: "La mayoría accedió a salud.", indicatorId: "i1" },
      { language: "en", statement: "A new finding.", indicatorId: "i2" },
    ]);
  });
});
