import { describe, expect, test } from "vitest";
import {
  defaultRollupRule,
  type LibrarySpec,
  type LinkedIndicatorSpec,
  linkProblems,
  proposedMappings,
  rollupRulesFor,
  unitsCompatible,
} from "./link-check";

const catalogue = { sex: ["female", "male"] };
const library: LibrarySpec = { measure: "COUNT", unit: "people", dimensionKeys: ["sex"], archived: false };
const indicator: LinkedIndicatorSpec = {
  measure: "COUNT",
  unit: "Persons",
  archived: false,
  options: [
    { id: "f", dimensionId: "d-sex", dimensionKey: "sex" },
    { id: "m", dimensionId: "d-sex", dimensionKey: "sex" },
    { id: "kid", dimensionId: "d-age", dimensionKey: "age" },
  ],
};
const both = [
  { dimensionKey: "sex", optionKey: "female", projectOptionId: "f" },
  { dimensionKey: "sex", optionKey: "male", projectOptionId: "m" },
];

describe("roll-up rules", () => {
  test("counts add up, rates pool their counts, means and narratives stay per project", () => {
    expect(rollupRulesFor("COUNT")).toEqual(["SUM", "NONE"]);
    expect(rollupRulesFor("PERCENTAGE")).toEqual(["RATIO", "NONE"]);
    expect(rollupRulesFor("MEAN")).toEqual(["NONE"]);
    expect(defaultRollupRule("QUALITATIVE")).toBe("NONE");
    expect(defaultRollupRule("PERCENTAGE")).toBe("RATIO");
  });
});

describe("units", () => {
  test("the same unit in other words or letters is compatible; another unit is not", () => {
    expect(unitsCompatible("people", " PERSONAS ", "COUNT")).toBe(true);
    expect(unitsCompatible("people", "households", "COUNT")).toBe(false);
    expect(unitsCompatible("hectáreas", "hectareas", "COUNT")).toBe(true);
    expect(unitsCompatible("", "networks", "COUNT")).toBe(true);
    expect(unitsCompatible("%", "", "PERCENTAGE")).toBe(true);
    expect(unitsCompatible("%", "", "COUNT")).toBe(false);
  });
});

describe("linking a project indicator", () => {
  test("same measure, compatible unit and every required option mapped: no problem", () => {
    expect(linkProblems(library, indicator, catalogue, both)).toEqual([]);
  });

  test("another measure or unit is refused", () => {
    expect(linkProblems(library, { ...indicator, measure: "PERCENTAGE" }, catalogue, both)).toEqual([
      { field: "indicatorId", code: "measureDiffers" },
    ]);
    expect(linkProblems(library, { ...indicator, unit: "schools" }, catalogue, both)).toEqual([
      { field: "indicatorId", code: "unitDiffers" },
    ]);
  });

  test("each required option is mapped once, to an option of the indicator, within one of its dimensions", () => {
    expect(linkProblems(library, indicator, catalogue, both.slice(0, 1))).toEqual([
      { field: "options.sex.male", code: "optionUnmapped" },
    ]);
    expect(
      linkProblems(library, indicator, catalogue, [both[0]!, { ...both[1]!, projectOptionId: "elsewhere" }]),
    ).toEqual([{ field: "options.sex.male", code: "optionNotOfIndicator" }]);
    expect(linkProblems(library, indicator, catalogue, [both[0]!, { ...both[1]!, projectOptionId: "f" }])).toEqual([
      { field: "options.sex.male", code: "optionMappedTwice" },
    ]);
    expect(linkProblems(library, indicator, catalogue, [both[0]!, { ...both[1]!, projectOptionId: "kid" }])).toEqual([
      { field: "options.sex.male", code: "optionOfOtherDimension" },
    ]);
    // Two dimensions of one key (as a spec may give them): the options of a key stay in one.
    const twoSexes = {
      ...indicator,
      options: [...indicator.options, { id: "m2", dimensionId: "d-sex2", dimensionKey: "sex" }],
    };
    expect(linkProblems(library, twoSexes, catalogue, [both[0]!, { ...both[1]!, projectOptionId: "m2" }])).toEqual([
      { field: "options.sex", code: "optionsAcrossDimensions" },
    ]);
    expect(
      linkProblems(library, indicator, catalogue, [
        ...both,
        { dimensionKey: "age", optionKey: "0-17", projectOptionId: "kid" },
      ]),
    ).toEqual([{ field: "options.age.0-17", code: "optionNotRequired" }]);
  });

  test("a library dimension's options map onto the indicator's dimension of that key only (#34 review R4)", () => {
    const sexAndAge = {
      ...indicator,
      options: [
        ...indicator.options,
        { id: "adult", dimensionId: "d-age", dimensionKey: "age" },
        // The project's own "sex" with its own option keys is still the sex dimension.
        { id: "mujer", dimensionId: "d-own-sex", dimensionKey: "sex" },
      ],
    };
    const ontoAge = [
      { dimensionKey: "sex", optionKey: "female", projectOptionId: "kid" },
      { dimensionKey: "sex", optionKey: "male", projectOptionId: "adult" },
    ];
    expect(linkProblems(library, sexAndAge, catalogue, ontoAge)).toEqual([
      { field: "options.sex.female", code: "optionOfOtherDimension" },
      { field: "options.sex.male", code: "optionOfOtherDimension" },
    ]);
    // Two library dimensions onto one indicator dimension: the one of the other key is refused.
    const twoKeys = { ...library, dimensionKeys: ["sex", "age"] };
    const oneDimension = {
      ...indicator,
      options: ["a", "b", "c", "d"].map((id) => ({ id, dimensionId: "one", dimensionKey: "sex" })),
    };
    expect(
      linkProblems(twoKeys, oneDimension, { sex: ["female", "male"], age: ["u18", "o18"] }, [
        { dimensionKey: "sex", optionKey: "female", projectOptionId: "a" },
        { dimensionKey: "sex", optionKey: "male", projectOptionId: "b" },
        { dimensionKey: "age", optionKey: "u18", projectOptionId: "c" },
        { dimensionKey: "age", optionKey: "o18", projectOptionId: "d" },
      ]).map((p) => `${p.field}:${p.code}`),
    ).toEqual(["options.age.u18:optionOfOtherDimension", "options.age.o18:optionOfOtherDimension"]);
    // A project's own sex whose options are named otherwise, mapped by hand.
    const own = {
      ...indicator,
      options: [
        { id: "mujer", dimensionId: "d-own-sex", dimensionKey: "sex" },
        { id: "hombre", dimensionId: "d-own-sex", dimensionKey: "sex" },
      ],
    };
    expect(
      linkProblems(library, own, catalogue, [
        { dimensionKey: "sex", optionKey: "female", projectOptionId: "mujer" },
        { dimensionKey: "sex", optionKey: "male", projectOptionId: "hombre" },
      ]),
    ).toEqual([]);
  });

  test("archived library indicators and indicators take no links", () => {
    expect(
      linkProblems({ ...library, archived: true }, { ...indicator, archived: true }, catalogue, both).map(
        (p) => p.code,
      ),
    ).toEqual(["libraryArchived", "indicatorArchived"]);
  });

  test("the proposal maps options of the same keys and leaves the rest to the person linking", () => {
    expect(
      proposedMappings(["sex"], catalogue, [
        { id: "f", key: "female", dimensionKey: "sex" },
        { id: "w", key: "women", dimensionKey: "gender" },
      ]),
    ).toEqual([{ dimensionKey: "sex", optionKey: "female", projectOptionId: "f" }]);
  });
});
