import { expect, test } from "vitest";
import { GET as sharedReport } from "@/app/api/v1/shared/[token]/report.pdf/route";
import { AsOf } from "@/lib/domain/as-of";
import { pdfText } from "@/lib/testing/pdf-text";
import { principalFor, projectId } from "@/lib/testing/principals";
import { donorFigures, donorReport, linkReader } from "./donor-report-view";
import { createShareLink } from "./service";

// Both after the same report (2021-Q3 ended on September 30): the final evaluation, approved on
// December 16, has begun by December 20 but not by October 2.
const early = AsOf.parse("2021-10-02");
const late = AsOf.parse("2021-12-20");

test("the donor report is read once per day: the page, the PDF and the figures name the day asked", async () => {
  const peru = await projectId("PE-VEN-2021");
  const manager = await principalFor("manager@example.org");
  const reader = linkReader({ principal: { kind: "share", linkId: "x", projectId: peru }, options: {} as never });

  const pdf = await donorReport(reader, early, { locale: "en", for: "pdf" });
  const page = await donorReport(reader, late, { locale: "en", for: "page" });
  expect(pdf?.summary.asOf.toISOString()).toBe("2021-10-02T00:00:00.000Z");
  expect(page?.summary.asOf.toISOString()).toBe("2021-12-20T00:00:00.000Z");
  expect(pdf?.changes).toMatchObject({ periodLabel: "2021-Q3", changes: [] });
  expect(page?.changes?.periodLabel).toBe("2021-Q3");
  expect(page?.changes?.changes.map((c) => c.code)).toEqual(["G.1", "OC1.1", "OC1.2"]);
  // The figures alone (the CSV, the summary API) are those the report is made from.
  const figures = await donorFigures(reader, late, { view: "overview" }, { locale: "en" });
  expect(figures?.indicators.map((i) => i.overall)).toEqual(page?.summary.indicators.map((i) => i.overall));
  // Only the page lists the shared files; nobody reads another project's report.
  expect(pdf?.files).toEqual([]);
  expect(await donorReport({ ...reader, projectId: "other" }, late, { locale: "en", for: "pdf" })).toBeNull();
  const viewer = await principalFor("viewer@example.org");
  expect(
    await donorReport({ principal: viewer, projectId: await projectId("SA-HIV-MOB") }, late, {
      locale: "en",
      for: "pdf",
    }),
  ).toBeNull();

  // Through a real link, the PDF of each day says what changed by that day, and is named after it.
  const { token } = await createShareLink(manager, peru, { label: "Two days", expiresAt: null, options: {} as never });
  for (const [day, changed] of [
    [early, false],
    [late, true],
    [early, false],
  ] as const) {
    const response = await sharedReport(
      new Request(`http://localhost/api/v1/shared/${token}/report.pdf?asOf=${day.toKey()}`),
      {
        params: Promise.resolve({ token }),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`report-${day.toKey()}.pdf`);
    const text = pdfText(new Uint8Array(await response.arrayBuffer())).replace(/\s+/g, " ");
    expect(text).toContain("Values approved since 2021-Q3 ended (September 30, 2021).");
    expect(text.includes("No values have been approved since then."), day.toKey()).toBe(!changed);
  }
});
