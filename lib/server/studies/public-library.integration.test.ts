// The public library's loaders on a real database (PGlite and PostgreSQL): closed by default (nothing
// answers), open with PUBLIC_LIBRARY=1 to exactly the PUBLIC studies, their pages and documents.
import { afterEach, describe, expect, test } from "vitest";
import { reloadEnv } from "@/lib/platform/env";
import { principalFor, projectId } from "@/lib/testing/principals";
import { publicLibrary, publicStudy, publicStudyFile } from "./public-library";
import { createStudy } from "./service";

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

function setLibrary(value: string | undefined) {
  if (value === undefined) delete process.env.PUBLIC_LIBRARY;
  else process.env.PUBLIC_LIBRARY = value;
  reloadEnv();
}

afterEach(() => setLibrary(undefined));

describe("the public library", () => {
  test("closed by default, open to exactly the public studies with PUBLIC_LIBRARY=1", async () => {
    const peru = await projectId("PE-VEN-2021");
    const admin = await principalFor("admin@example.org");
    const make = (title: string, visibility: "INTERNAL" | "DONORS" | "PUBLIC") =>
      createStudy(
        admin,
        {
          typeKey: "evaluation",
          texts: [{ language: "en", title: `Quokkaburg ${title}` }],
          visibility,
          projectIds: [peru],
        },
        [{ name: `${visibility}.pdf`, bytes: pdf }],
      );
    const made = {
      PUBLIC: await make("public", "PUBLIC"),
      DONORS: await make("donors", "DONORS"),
      INTERNAL: await make("internal", "INTERNAL"),
    };

    setLibrary(undefined);
    expect(await publicLibrary({ q: "Quokkaburg" })).toBeNull();
    expect(await publicStudy(made.PUBLIC.id)).toBeNull();
    expect(await publicStudyFile(made.PUBLIC.id, made.PUBLIC.files[0]?.id ?? "")).toBeNull();
    setLibrary("0");
    expect(await publicLibrary({ q: "Quokkaburg" })).toBeNull();

    setLibrary("1");
    const listed = await publicLibrary({ q: "Quokkaburg" });
    expect(listed?.items.map((s) => s.id)).toEqual([made.PUBLIC.id]);
    // "Showing 1 of 1": the count is the anonymous visitor's too, not every study matching the words.
    expect(listed?.total).toBe(1);
    expect(listed?.types.length).toBeGreaterThan(0);
    for (const [visibility, s] of Object.entries(made)) {
      const page = await publicStudy(s.id);
      const file = await publicStudyFile(s.id, s.files[0]?.id ?? "");
      expect(page !== null, `${visibility} page`).toBe(visibility === "PUBLIC");
      expect(file !== null, `${visibility} file`).toBe(visibility === "PUBLIC");
    }
    // The public page names no project, round or indicator (their pages are for members).
    const page = await publicStudy(made.PUBLIC.id);
    expect(page?.projects).toEqual([]);
    expect(page?.canEdit).toBe(false);
    // A file of a public study is served under that study only.
    expect(await publicStudyFile(made.PUBLIC.id, made.INTERNAL.files[0]?.id ?? "")).toBeNull();
  });
});
