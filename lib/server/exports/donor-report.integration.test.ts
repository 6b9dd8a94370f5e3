import { expect, test } from "vitest";
import { GET as projectReport } from "@/app/api/v1/projects/[projectId]/report.pdf/route";
import { GET as sharedReport } from "@/app/api/v1/shared/[token]/report.pdf/route";
import { GET as sharedSummary } from "@/app/api/v1/shared/[token]/summary/route";
import { createShareLink } from "@/lib/server/share-links/service";
import { pdfText } from "@/lib/testing/pdf-text";
import { apiTokenFor, principalFor, projectId } from "@/lib/testing/principals";

const get = (
  route: typeof sharedReport,
  url: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
) => route(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve(params) });

test("the donor report's PDF carries the same figures as the summary API for the same link and date", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const { token } = await createShareLink(manager, peru, { label: "PDF", expiresAt: null, options: {} as never });
  for (const [asOf, locale] of [
    ["2021-06-30", "en"],
    ["2022-01-31", "es"],
  ] as const) {
    const headers = { "accept-language": locale };
    const pdf = await get(sharedReport, `/api/v1/shared/${token}/report.pdf?asOf=${asOf}`, { token }, headers);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    const summary = await (
      await get(sharedSummary, `/api/v1/shared/${token}/summary?asOf=${asOf}&view=overview`, { token }, headers)
    ).json();
    const number = new Intl.NumberFormat(locale === "es" ? "es" : "en", { maximumFractionDigits: 0 });
    const oneDecimal = new Intl.NumberFormat(locale === "es" ? "es" : "en", {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    for (const i of summary.indicators as {
      indicator: { code: string; measure: string };
      overall: { actual: number | null; target: number | null };
    }[]) {
      const shown = (v: number | null) =>
        v === null
          ? "–"
          : i.indicator.measure === "PERCENTAGE"
            ? `${oneDecimal.format(v)} %`
            : i.indicator.measure === "MEAN"
              ? new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(v)
              : number.format(v);
      if (i.indicator.measure === "QUALITATIVE") continue;
      const block = text.slice(text.lastIndexOf(`\n${i.indicator.code} `));
      expect(block, `${i.indicator.code} ${asOf}`).toContain(`${shown(i.overall.target)} · `);
      expect(block, `${i.indicator.code} ${asOf}`).toContain(`: ${shown(i.overall.actual)} · `);
    }
    expect(text.replace(/\s+/g, " ")).toContain(summary.project.name);
    if (locale !== "en") continue;
    // The first headline's map names each region's achievement and status in words.
    type Place = { id: string; parentId: string | null; name: string; achievement: number | null; status: string };
    const places: Place[] = summary.indicators.find(
      (i: { indicator: { code: string } }) => i.indicator.code === "G.1",
    ).byLocation;
    const words: Record<string, string> = { onTrack: "On track", atRisk: "At risk", offTrack: "Off track" };
    const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Where: G.1");
    const regions = places.filter((p) => !places.some((o) => o.parentId === p.id) && p.achievement !== null);
    expect(regions.length).toBe(5);
    for (const p of regions) {
      expect(flat).toContain(`${p.name}: ${percent.format(p.achievement ?? 0)} ${words[p.status] ?? ""}`.trim());
    }
    expect(flat).toContain("What changed since the last report");
    expect(flat).toContain("Values approved since 2021-Q1 ended (March 31, 2021).");
  }
  // A member downloads the same report; someone outside the project cannot.
  const own = await get(
    projectReport,
    `/api/v1/projects/${peru}/report.pdf`,
    { projectId: peru },
    {
      authorization: `Bearer ${await apiTokenFor("viewer@example.org")}`,
    },
  );
  expect(own.status).toBe(200);
  const nepal = await projectId("SA-HIV-MOB");
  const refused = await get(
    projectReport,
    `/api/v1/projects/${nepal}/report.pdf`,
    { projectId: nepal },
    {
      authorization: `Bearer ${await apiTokenFor("viewer@example.org")}`,
    },
  );
  expect(refused.status).toBe(404);
});
