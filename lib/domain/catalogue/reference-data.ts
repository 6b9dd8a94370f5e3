// The reference data every instance has: the countries of ISO 3166-1 and the shared disaggregation
// catalogue (written to the database by lib/server/catalogue/reference.ts).
/** ISO 3166-1 alpha-2 codes of the countries and territories. */
export const COUNTRY_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY " +
  "BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM " +
  "FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT " +
  "JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN " +
  "MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT " +
  "PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL " +
  "TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");

/** The shared disaggregation catalogue, named in English (stored) and Spanish (lib/domain/catalogue/names.ts). */
export const BASE_DIMENSIONS = [
  {
    key: "sex",
    name: "Sex",
    es: "Sexo",
    options: [
      ["female", "Female", "Mujer"],
      ["male", "Male", "Hombre"],
    ],
  },
  {
    key: "age",
    name: "Age",
    es: "Edad",
    options: [
      ["0-17", "0–17", "0–17"],
      ["18-59", "18–59", "18–59"],
      ["60+", "60+", "60+"],
    ],
  },
  {
    key: "ethnicity",
    name: "Ethnicity",
    es: "Etnia",
    options: [
      ["roma", "Roma", "Romaní"],
      ["non-roma", "Non-Roma", "No romaní"],
    ],
  },
  {
    key: "disability",
    name: "Disability",
    es: "Discapacidad",
    options: [
      ["yes", "With disability", "Con discapacidad"],
      ["no", "Without disability", "Sin discapacidad"],
    ],
  },
  {
    key: "nationality",
    name: "Nationality",
    es: "Nacionalidad",
    options: [
      ["venezuelan", "Venezuelan", "Venezolana"],
      ["peruvian", "Peruvian", "Peruana"],
      ["other", "Other", "Otra"],
    ],
  },
] as const;
