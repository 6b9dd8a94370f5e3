// The catalogue CSV on a real database (PGlite and PostgreSQL): one row per study the caller reads that
// passes the filters.
import { describe, expect, test } from "vitest";
import { principalFor, projectId } from "@/lib/testing/principals";
import { studyCatalogueCsv } from "./catalogue";
import { createStudy } from "./service";

const rows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .map((l) => l.split(","));

describe("the catalogue CSV", () => {
  test("lists exactly the studies the caller reads, with the filters applied", async () => {
    const peru = await projectId("PE-VEN-2021");
    const admin = await principalFor("admin@example.org");
    const make = (title: string, visibility: "INTERNAL" | "PUBLIC", typeKey: string) =>
      createStudy(admin, {
        typeKey,
        texts: [
          { language: "en", title: `Axolotl ${title}` },
          { language: "es", title: `Ajolote ${title}` },
        ],
        publishedOn: "2021-06-30",
        visibility,
        projectIds: [peru],
      });
    const internal = await make("internal", "INTERNAL", "evaluation");
    const open = await make("public", "PUBLIC", "baseline");

    const viewer = rows(await studyCatalogueCsv(await principalFor("viewer@example.org"), { q: "Axolotl" }));
    expect(viewer[0]).toEqual([
      "id",
      "type",
      "title_en",
      "title_es",
      "languages",
      "published",
      "method",
      "countries",
      "visibility",
      "abstract_en",
      "abstract_es",
      "fieldwork_start",
      "fieldwork_end",
      "pages",
      "themes",
      "projects",
      "places",
      "authors",
      "commissioned_by",
      "instruments",
    ]);
    expect(
      viewer
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([internal.id, open.id].sort());
    expect(viewer.find((r) => r[0] === open.id)).toEqual([
      open.id,
      "baseline",
      "Axolotl public",
      "Ajolote public",
      "en es",
      "2021-06-30",
      "",
      "",
      "PUBLIC",
      ...["", "", "", "", "", "", "PE-VEN-2021", "", "", "", ""],
    ]);

    const anonymous = rows(await studyCatalogueCsv(null, { q: "Axolotl" }));
    expect(anonymous.slice(1).map((r) => r[0])).toEqual([open.id]);
    const filtered = rows(await studyCatalogueCsv(admin, { q: "Axolotl", type: "evaluation" }));
    expect(filtered.slice(1).map((r) => r[0])).toEqual([internal.id]);
  });
});
