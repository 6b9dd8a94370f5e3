// A workbook in KoboToolbox's XLSX export layout, for tests: the submissions on the first sheet (named
// after the form), each repeat group on its own sheet whose rows carry `_index`, `_parent_table_name`
// and `_parent_index`, as KoboToolbox writes them (see test/fixtures/README.md).
import ExcelJS from "exceljs";

export type KoboSheet = { name: string; rows: Record<string, string | number>[] };

export async function koboWorkbook(sheets: KoboSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    const headers = [...new Set(sheet.rows.flatMap((r) => Object.keys(r)))];
    ws.addRow(headers);
    for (const r of sheet.rows) ws.addRow(headers.map((h) => r[h] ?? ""));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type Household = {
  region: string;
  today: string;
  sex: string;
  /** Answers "yes" or "no" to "Did you access a protection service when you needed it?". */
  protection: string;
  /** Perceived social integration, 1–5. */
  integration: number | string;
  members: string[];
  status?: string;
};

/**
 * A household survey as KoboToolbox exports it: one submission per household with grouped questions,
 * metadata columns and the validation status, and a `members` repeat group (one row per person).
 */
export function householdSurvey(households: Household[]): KoboSheet[] {
  let memberIndex = 0;
  return [
    {
      name: "Household survey",
      rows: households.map((h, n) => ({
        start: `${h.today}T09:00:00.000-05:00`,
        today: h.today,
        "location/region": h.region,
        "respondent/resp_sex": h.sex,
        "protection/accessed_service": h.protection,
        "integration/integration_score": h.integration,
        members_count: h.members.length,
        _id: 1000 + n,
        _uuid: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
        _submission_time: `${h.today}T15:00:00`,
        _validation_status: h.status ?? "Approved",
        _index: n + 1,
      })),
    },
    {
      name: "members",
      rows: households.flatMap((h, n) =>
        h.members.map((sex) => ({
          "members/member_sex": sex,
          _index: ++memberIndex,
          _parent_table_name: "Household survey",
          _parent_index: n + 1,
          _submission__id: 1000 + n,
        })),
      ),
    },
  ];
}

/** A midline round in two Peru regions: Lima's two households, Tumbes' two (one on hold). */
export const midlineHouseholds: Household[] = [
  {
    region: "PE-LIM",
    today: "2021-05-04",
    sex: "female",
    protection: "yes",
    integration: 4,
    members: ["female", "male", "female"],
  },
  { region: "PE-LIM", today: "2021-05-05", sex: "male", protection: "no", integration: 3, members: ["male"] },
  {
    region: "Tumbes",
    today: "2021-05-06",
    sex: "female",
    protection: "yes",
    integration: 5,
    members: ["female", "female"],
  },
  {
    region: "PE-TUM",
    today: "2021-05-06",
    sex: "male",
    protection: "n/a",
    integration: 2,
    members: [],
    status: "On Hold",
  },
];
