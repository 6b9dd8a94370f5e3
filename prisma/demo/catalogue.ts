// Shared reference data: places with ISO 3166 codes and the disaggregation catalogue.
export const locations = [
  { isoCode: "PE", name: "Peru", level: "COUNTRY", parent: null },
  { isoCode: "PE-TUM", name: "Tumbes", level: "ADMIN1", parent: "PE" },
  { isoCode: "PE-PIU", name: "Piura", level: "ADMIN1", parent: "PE" },
  { isoCode: "PE-LAL", name: "La Libertad", level: "ADMIN1", parent: "PE" },
  { isoCode: "PE-LIM", name: "Lima", level: "ADMIN1", parent: "PE" },
  { isoCode: "PE-CAL", name: "Callao", level: "ADMIN1", parent: "PE" },
  { isoCode: "BA", name: "Bosnia and Herzegovina", level: "COUNTRY", parent: null },
  { isoCode: "RS", name: "Serbia", level: "COUNTRY", parent: null },
  { isoCode: "ME", name: "Montenegro", level: "COUNTRY", parent: null },
  { isoCode: "NP", name: "Nepal", level: "COUNTRY", parent: null },
  { isoCode: "IN", name: "India", level: "COUNTRY", parent: null },
  { isoCode: "BD", name: "Bangladesh", level: "COUNTRY", parent: null },
] as const;

export const dimensions = [
  {
    key: "sex",
    name: "Sex",
    options: [
      ["female", "Female"],
      ["male", "Male"],
    ],
  },
  {
    key: "age",
    name: "Age",
    options: [
      ["0-17", "0–17"],
      ["18-59", "18–59"],
      ["60+", "60+"],
    ],
  },
  {
    key: "ethnicity",
    name: "Ethnicity",
    options: [
      ["roma", "Roma"],
      ["non-roma", "Non-Roma"],
    ],
  },
  {
    key: "disability",
    name: "Disability",
    options: [
      ["yes", "With disability"],
      ["no", "Without disability"],
    ],
  },
  {
    key: "nationality",
    name: "Nationality",
    options: [
      ["venezuelan", "Venezuelan"],
      ["peruvian", "Peruvian"],
      ["other", "Other"],
    ],
  },
] as const;
