import { describe, expect, it } from "vitest";
import { bundleProblems } from "@/scripts/bundle-report";

const route = (name: string, gzipKB: number, chartsInFirstLoad = false) => ({
  route: name,
  kB: gzipKB * 3,
  gzipKB,
  chartsInFirstLoad,
});

describe("bundle check", () => {
  const limits = { "/s/[token]": 150, "/projects/[projectId]": 150 };

  it("passes routes within their budget and unbudgeted routes of any size", () => {
    const report = [route("/s/[token]", 149.9), route("/projects/[projectId]", 120), route("/login", 400)];
    expect(bundleProblems(report, limits)).toEqual([]);
  });

  it("fails a budgeted route over its budget, naming it and its size", () => {
    const report = [route("/s/[token]", 150.4), route("/projects/[projectId]", 120)];
    expect(bundleProblems(report, limits)).toEqual(["/s/[token] ships 150.4 kB of gzip JavaScript (budget 150 kB)"]);
  });

  it("fails when a budgeted route is no longer in the build (renamed routes stay checked)", () => {
    expect(bundleProblems([route("/s/[token]", 100)], limits)).toEqual([
      "Budgeted routes not found in the build: /projects/[projectId]",
    ]);
  });

  it("fails chart code in any route's first load", () => {
    const report = [route("/s/[token]", 100), route("/projects/[projectId]", 100), route("/inbox", 90, true)];
    expect(bundleProblems(report, limits)).toEqual(["Chart code is in the first load of: /inbox"]);
  });
});
