import { expect, test } from "vitest";
import { surveyRulesSchema } from "./rules";
import { ruleColumns, surveyFileOfSubmissions, versionDrift } from "./submissions";
import { answerOf, resolveColumn } from "./tables";

// KoboToolbox's JSON (full paths in repeats, a nested repeat, metadata lists) and ODK Central's OData
// (groups as objects, repeats relative to their group) read into the same tables.
const kobo = {
  _id: 1,
  "kids/has_kids": "1",
  "kids/kids_details": [
    {
      "kids/kids_details/kids_name": "Hansel",
      "kids/kids_details/kids_immunization": [
        { "kids/kids_details/kids_immunization/immunization_info": "Polio" },
        { "kids/kids_details/kids_immunization/immunization_info": "Rubella" },
      ],
    },
    { "kids/kids_details/kids_name": "Gretel" },
  ],
  _attachments: [{ download_url: "https://kc.example.org/media/a.jpg" }],
  _geolocation: [-12.05, -77.04],
  _validation_status: { uid: "validation_status_approved", label: "Approved", timestamp: 1620140400 },
};
const odk = {
  __id: "uuid:1",
  kids: { has_kids: "1", kids_details: [{ kids_name: "Hansel", __id: "k1" }] },
  __system: { submissionDate: "2021-05-04T15:00:00.000Z", reviewState: "approved" },
};

test("repeat groups become tables joined to their rows; groups become paths; metadata lists are not repeats", () => {
  const file = surveyFileOfSubmissions([kobo]);
  expect(file.tables.map((t) => [t.name, t.parent, t.rows.length])).toEqual([
    ["submissions", null, 1],
    ["kids_details", "submissions", 2],
    ["kids_immunization", "kids_details", 2],
  ]);
  const shot = file.tables[2]?.rows[1];
  if (!shot) throw new Error("no immunization row");
  expect(shot.values["kids/kids_details/kids_immunization/immunization_info"]).toBe("Rubella");
  expect(answerOf(shot, "kids/kids_details/kids_name")).toBe("Hansel");
  expect(answerOf(shot, "kids/has_kids")).toBe("1");
  const main = file.tables[0]?.rows[0]?.values ?? {};
  expect(main._validation_status).toBe("validation_status_approved");
  expect(main._geolocation).toBe("-12.05 -77.04");
  expect("_attachments" in main).toBe(false);
  expect(resolveColumn(file, "kids_immunization", "kids_name")).toBe("kids/kids_details/kids_name");

  const central = surveyFileOfSubmissions([odk]);
  expect(central.tables.map((t) => t.name)).toEqual(["submissions", "kids_details"]);
  expect(central.tables[0]?.headers).toContain("kids/has_kids");
  expect(central.tables[0]?.headers).toContain("__system/reviewState");
  expect(central.tables[1]?.rows[0]?.values["kids/kids_details/kids_name"]).toBe("Hansel");
});

test("a question the rules read that a form version lacks is reported with the versions", () => {
  const rules = surveyRulesSchema.parse({
    place: "region",
    indicators: [
      { indicator: "A", kind: "share", condition: "accessed_service = yes" },
      { indicator: "B", kind: "mean", question: "score" },
    ],
  });
  expect(ruleColumns(rules).sort()).toEqual(["accessed_service", "region", "score"]);
  const drift = versionDrift(
    [
      { version: "v1", record: { "loc/region": "PE-LIM", accessed_service: "yes", score: 3 } },
      { version: "v2", record: { "loc/region": "PE-LIM", accessed_protection: "yes", score: 4 } },
    ],
    ruleColumns(rules),
  );
  expect(drift).toEqual([{ column: "accessed_service", missingIn: ["v2"], presentIn: ["v1"] }]);
  expect(versionDrift([{ version: "v1", record: { score: 1 } }], ["region"])).toEqual([]);
});
