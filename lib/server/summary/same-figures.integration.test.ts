// One engine behind every view: the dashboard, the summary API, the donor view and the exports give
// identical figures for the demo projects at three as-of dates.
import { expect, test } from "vitest";
import { GET as getSummary } from "@/app/api/v1/projects/[projectId]/summary/route";
import { GET as getSummaryCsv } from "@/app/api/v1/projects/[projectId]/summary.csv/route";
import { GET as getTrackingCsv } from "@/app/api/v1/projects/[projectId]/tracking.csv/route";
import { GET as getSharedSummary } from "@/app/api/v1/shared/[token]/summary/route";
import { AsOf } from "@/lib/domain/as-of";
import { toSummaryJson } from "@/lib/domain/summary/types";
import { summaryQuery } from "@/lib/http/contracts/summary";
import { loadProjectSummary } from "@/lib/http/summary-handlers";
import { createShareLink } from "@/lib/server/share-links/service";
import { apiTokenFor, principalFor, projectId } from "@/lib/testing/principals";
import { projectOverviews, projectSummary } from "./service";

const allOptions = { showRegions: true, showDisaggregations: true, showConfidenceIntervals: true, showComments: false };
const dates = ["2013-06-30", "2021-10-31", "2030-01-01"];

type Figure = { target: number | null; actual: number | null; expectedToDate: number | null; status: string };
const round = (v: number | null | undefined | string) =>
  v === null || v === undefined || v === "" ? null : Math.round(Number(v) * 1e6) / 1e6;
const key = (f: Figure) => [round(f.target), round(f.actual), round(f.expectedToDate), f.status];

type Json = {
  indicators: { indicator: { code: string }; overall: Figure; byLocation: (Figure & { name: string })[] }[];
};
function figuresOf(summary: Json) {
  return Object.fromEntries(
    summary.indicators.map((i) => [
      i.indicator.code,
      { overall: key(i.overall), places: Object.fromEntries(i.byLocation.map((l) => [l.name, key(l)])) },
    ]),
  );
}

function csvRows(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\n");
  const split = (line: string) =>
    [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
      .slice(0, -1)
      .map((m) => (m[1] ?? "").replace(/^"|"$/g, "").replace(/""/g, '"'));
  const [head = "", ...rest] = lines;
  const columns = split(head);
  return rest.map((line) => Object.fromEntries(split(line).map((v, i) => [columns[i], v])));
}

test("dashboard, summary API, donor view and exports agree for every demo project at three dates", async () => {
  const manager = await principalFor("manager@example.org");
  const bearer = { authorization: `Bearer ${await apiTokenFor("manager@example.org")}` };
  let trackedCompared = 0;
  for (const code of ["PE-VEN-2021", "WB-ROMA-W", "SA-HIV-MOB"]) {
    const id = await projectId(code);
    const { token } = await createShareLink(manager, id, { label: "Donor", expiresAt: null, options: allOptions });
    for (const asOf of dates) {
      const where = `${code} as of ${asOf}`;
      const query = summaryQuery.parse({ asOf });
      // The dashboard page renders the summary it loads this way.
      const dashboard = figuresOf(
        toSummaryJson(await loadProjectSummary({ principal: manager, params: { projectId: id }, query })),
      );
      const url = (path: string) => new Request(`http://localhost/api/v1/${path}?asOf=${asOf}`, { headers: bearer });
      const api = figuresOf(
        await (await getSummary(url(`projects/${id}/summary`), { params: Promise.resolve({ projectId: id }) })).json(),
      );
      const shared = await getSharedSummary(
        new Request(`http://localhost/api/v1/shared/${token}/summary?asOf=${asOf}`),
        {
          params: Promise.resolve({ token }),
        },
      );
      const donor = figuresOf(await shared.json());
      expect(api, where).toEqual(dashboard);
      expect(donor, where).toEqual(dashboard);

      const summaryCsv = csvRows(
        await (
          await getSummaryCsv(url(`projects/${id}/summary.csv`), { params: Promise.resolve({ projectId: id }) })
        ).text(),
      );
      const tracking = csvRows(
        await (
          await getTrackingCsv(url(`projects/${id}/tracking.csv`), { params: Promise.resolve({ projectId: id }) })
        ).text(),
      );
      for (const [indicator, figures] of Object.entries(dashboard)) {
        const overall = summaryCsv.find((r) => r.indicator_code === indicator && r.breakdown === "overall");
        expect(overall && key({ ...toFigure(overall), status: overall.status ?? "" }), `${where} ${indicator}`).toEqual(
          figures.overall,
        );
        // The tracking table's life-of-project block (monitoring indicators): its overall row.
        const lifeOfProject = tracking.find(
          (r) =>
            r.indicator_code === indicator &&
            r.period_or_round === "Life of project" &&
            r.location === "All locations" &&
            r.dimension === "",
        );
        if (lifeOfProject) {
          trackedCompared++;
          expect(
            key({ ...toFigure(lifeOfProject), status: lifeOfProject.status_code ?? "" }),
            `${where} ${indicator}`,
          ).toEqual(figures.overall);
        }
      }
    }
  }
  expect(trackedCompared).toBeGreaterThan(30);
});

function toFigure(row: Record<string, string>): Omit<Figure, "status"> {
  return {
    target: round(row.target),
    actual: round(row.actual),
    expectedToDate: round(row.expected_to_date),
  };
}

test("the portfolio's overviews give each indicator the same overall figure as its project's full summary", async () => {
  const admin = await principalFor("admin@example.org");
  const ids = await Promise.all(["PE-VEN-2021", "WB-ROMA-W", "SA-HIV-MOB"].map(projectId));
  const asOf = AsOf.parse("2021-10-31");
  const overviews = await projectOverviews(admin, ids, { asOf });
  expect(overviews.size).toBe(3);
  for (const id of ids) {
    const full = await projectSummary(admin, id, { asOf });
    const overview = overviews.get(id);
    expect(overview?.indicators.map((i) => i.overall)).toEqual(full?.indicators.map((i) => i.overall));
    expect(overview?.indicators.every((i) => i.byLocation.length === 0 && i.byTime.length === 0)).toBe(true);
  }
  // A project the principal may not read is left out.
  const viewer = await principalFor("viewer@example.org");
  expect([...(await projectOverviews(viewer, ids, { asOf })).keys()]).toEqual([ids[0]]);
});
