import ExcelJS from "exceljs";
import { beforeAll, expect, test } from "vitest";
import { GET as trackingCsvRoute } from "@/app/api/v1/projects/[projectId]/tracking.csv/route";
import { GET as trackingXlsxRoute } from "@/app/api/v1/projects/[projectId]/tracking.xlsx/route";
import { hashToken, newSecretToken } from "@/lib/domain/api-tokens/token";
import { db } from "@/lib/platform/db";
import { projectId } from "@/lib/testing/principals";

let token: string;
let peru: string;

beforeAll(async () => {
  const manager = await db().user.findUniqueOrThrow({ where: { email: "manager@example.org" } });
  token = newSecretToken("med");
  await db().apiToken.create({ data: { userId: manager.id, name: "exports", tokenHash: hashToken(token) } });
  peru = await projectId("PE-VEN-2021");
});

function call(route: typeof trackingCsvRoute, query = "", language = "en") {
  const request = new Request(`http://localhost/api/v1/projects/${peru}/tracking${query}`, {
    headers: { authorization: `Bearer ${token}`, "accept-language": language },
  });
  return route(request, { params: Promise.resolve({ projectId: peru }) });
}

test("the CSV tracking table: stable columns, the engine's figures per period, location and option", async () => {
  const response = await call(trackingCsvRoute);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe(
    "result_code,result,indicator_code,indicator,measure,unit,period_or_round,period_start,period_end,location,location_code,dimension,option,baseline,target,actual,numerator,denominator,achievement,expected_to_date,status_code,status,draft",
  );
  const legal = lines.filter((l) => l.includes(",OP1.1.1,"));
  expect(legal.some((l) => l.includes(",Life of project,2020-10-01,2021-12-31,All locations,,,,0,8250,5070,"))).toBe(
    true,
  );
  expect(legal.some((l) => l.includes(",2021-Q1,2021-01-01,2021-03-31,Tumbes,PE-TUM,,,0,,420,"))).toBe(true);
  expect(legal.some((l) => /,All locations,,Sex,Female,/.test(l))).toBe(true);
  expect(
    lines
      .filter((l) => l.includes(",G.1,"))
      .some((l) => l.includes(",Final evaluation,2021-10-04,2021-11-26,All locations,,,,")),
  ).toBe(true);
  expect(legal.every((l) => !l.endsWith(",draft"))).toBe(true);
});

test("a draft export is marked as such in every row and in its file name; statuses follow the user's language", async () => {
  const draft = await call(trackingCsvRoute, "?draft=true", "es");
  // Never the approved file's name, so one cannot be taken for (or overwrite) the other.
  expect(draft.headers.get("content-disposition")).toBe('attachment; filename="PE-VEN-2021-tracking-table-DRAFT.csv"');
  expect((await call(trackingXlsxRoute)).headers.get("content-disposition")).toBe(
    'attachment; filename="PE-VEN-2021-tracking-table.xlsx"',
  );
  const lines = (await draft.text()).split("\r\n").filter(Boolean);
  expect(lines.slice(1).every((l) => l.endsWith(",draft"))).toBe(true);
  expect(lines.some((l) => l.includes(",Vida del proyecto,") && l.includes(",offTrack,Retrasado,"))).toBe(true);
});

test("the XLSX workbook: a cover sheet, one sheet per result with a frozen translated header and number formats", async () => {
  const response = await call(trackingXlsxRoute, "", "es");
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const names = workbook.worksheets.map((w) => w.name);
  expect(names).toEqual(["Acerca de", "Objetivo general G", "Resultado OC1", "Producto OP1.1"]);
  expect(workbook.getWorksheet("Acerca de")?.getCell("B3").value).toBe("Solo cifras aprobadas");
  const outputs = workbook.getWorksheet("Producto OP1.1");
  expect(outputs?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(outputs?.getRow(1).getCell(4).value).toBe("Indicador");
  const lop = outputs?.getRow(2);
  expect(lop?.getCell(3).value).toBe("OP1.1.1");
  expect(lop?.getCell(15).value).toBe(8250);
  expect(lop?.getCell(16).value).toBe(5070);
  expect(lop?.getCell(16).numFmt).toBe("#,##0.##");
  expect(lop?.getCell(19).numFmt).toBe("0%");
});
