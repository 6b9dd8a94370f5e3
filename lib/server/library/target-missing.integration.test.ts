// A roll-up group whose target covers only some of its projects (#34 review): the target is marked partial,
// naming the projects without one, on the API answer and in the files (rule 13).
import { expect, test } from "vitest";
import * as rollupRoute from "@/app/api/v1/library/indicators/[libraryId]/rollup/route";
import * as csvRoute from "@/app/api/v1/library/indicators/[libraryId]/rollup.csv/route";
import { db } from "@/lib/platform/db";
import { rollupCsv, rollupPdf } from "@/lib/server/exports/rollup-export";
import { pdfText } from "@/lib/testing/pdf-text";
import { apiTokenFor, principalFor } from "@/lib/testing/principals";
import { libraryRollup } from "./rollup";

test("a group's target without one project's target is partial: the roll-up, the API and the files name the project", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
  // The Western Balkans project's linked indicator loses its targets (its data version moves, as an edit would).
  const link = await db().libraryLink.findFirstOrThrow({
    where: { libraryIndicatorId: library.id, indicator: { project: { code: "WB-ROMA-W" } } },
    select: { indicatorId: true, indicator: { select: { projectId: true } } },
  });
  await db().target.deleteMany({ where: { indicatorId: link.indicatorId } });
  await db().project.update({ where: { id: link.indicator.projectId }, data: { dataVersion: { increment: 1 } } });

  const options = { by: "total" as const, year: null };
  const [total] = (await libraryRollup(admin, library.id, options))!.figures;
  expect(total!.contributions.map((c) => c.code)).toEqual(["PE-VEN-2021", "SA-HIV-MOB", "WB-ROMA-W"]);
  expect(total!.target?.value).not.toBeNull();
  expect(total!.targetMissing).toEqual([{ projectId: link.indicator.projectId, code: "WB-ROMA-W" }]);

  const token = await apiTokenFor("admin@example.org");
  const response = await rollupRoute.GET(
    new Request(`http://localhost/api/v1/library/indicators/${library.id}/rollup?by=total`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ libraryId: library.id }) },
  );
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.figures[0].targetMissing).toEqual([{ projectId: link.indicator.projectId, code: "WB-ROMA-W" }]);

  const note = "Target covers 2 of 3 projects: WB-ROMA-W has none for the period (the target is partial).";
  const csv = String((await rollupCsv(admin, library.id, { ...options, locale: "en" }))!.body);
  expect(csv).toContain(note);
  const pdf = pdfText((await rollupPdf(admin, library.id, { ...options, locale: "en" }))!.body);
  expect(pdf.replace(/\s+/g, " ")).toContain("Target covers 2 of 3 projects");
});

test("the files say what the page says: coverage (or the countries without a figure) beside each group", async () => {
  const admin = await principalFor("admin@example.org");
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
  const options = { by: "country" as const, year: null, locale: "en" as const };
  const rolled = (await libraryRollup(admin, library.id, options))!;
  expect(rolled.coverage!.PE!.uncertain).toBe(false);
  const csv = String((await rollupCsv(admin, library.id, options))!.body);
  const peru = csv.split("\r\n").find((l) => l.includes(",PE,"))!;
  expect(peru).toMatch(/Coverage of people in need: [\d.]+% of people in need/);
  expect(peru).not.toContain("uncertain");
  expect(csv.split("\r\n").find((l) => l.includes(",RS,"))).toContain("No people-in-need figure for Serbia.");
  const pdf = pdfText((await rollupPdf(admin, library.id, options))!.body).replace(/\s+/g, " ");
  expect(pdf).toContain("No people-in-need figure for Serbia.");
});

test("the roll-up files download through the one export-route builder: CSV by the route, 404 for an unknown indicator", async () => {
  const library = await db().libraryIndicator.findUniqueOrThrow({ where: { code: "ORG-REACH" } });
  const token = await apiTokenFor("admin@example.org");
  const get = (id: string) =>
    csvRoute.GET(
      new Request(`http://localhost/api/v1/library/indicators/${id}/rollup.csv?by=country`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ libraryId: id }) },
    );
  const response = await get(library.id);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(await response.text()).toContain("No people-in-need figure for Serbia.");
  expect((await get("nope")).status).toBe(404);
});
