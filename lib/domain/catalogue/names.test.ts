import { expect, test } from "vitest";
import { localizeDimension } from "./names";
import { BASE_DIMENSIONS } from "./reference-data";

const sex = { key: "sex", name: "Sex", projectId: null, isCustom: false, options: [{ key: "female", name: "Female" }] };

test("the shipped catalogue reads in Spanish; a project's own dimension keeps its names", () => {
  expect(localizeDimension(sex, "es")).toMatchObject({ name: "Sexo", options: [{ key: "female", name: "Mujer" }] });
  expect(localizeDimension(sex, "en")).toBe(sex);
  const own = { ...sex, projectId: "p", name: "Sex (as asked)" };
  expect(localizeDimension(own, "es")).toBe(own);
  const ethnicity = { key: "ethnicity", name: "Ethnicity", options: [{ key: "roma", name: "Roma" }] };
  expect(localizeDimension(ethnicity, "es").options[0]?.name).toBe("Romaní");
});

test("every shipped dimension and option has its Spanish name", () => {
  for (const d of BASE_DIMENSIONS) {
    expect(d.es.trim()).not.toBe("");
    for (const [, en, es] of d.options) expect({ en, es: es.trim() }).not.toMatchObject({ es: "" });
  }
});
