// Runs with the integration tests only because the cache is server-only code (their config stands in for
// the "server-only" module); it touches no database.
import { describe, expect, it } from "vitest";
import { AsOf } from "@/lib/domain/as-of";
import { type LinkFigures, linkFigures } from "./series-cache";

const figures: LinkFigures = { values: [], targets: [], countryNames: [["PE", "Peru"]] };
const asOf = AsOf.parse("2026-01-01");
let n = 0;
const keyAt = (dataVersion: number) => ({ indicatorId: `indicator-${++n}`, dataVersion, asOf, regions: "r" });

describe("a project's roll-up figures kept per data version", () => {
  it("keeps figures made from summaries of the key's version, and makes them once", async () => {
    const key = keyAt(3);
    let made = 0;
    const make = async () => {
      made++;
      return { figures, versions: [3, 3] };
    };
    expect(await linkFigures(key, make)).toBe(figures);
    expect(await linkFigures(key, make)).toBe(figures);
    expect(made).toBe(1);
  });

  it("never keeps figures made from another version (a replica behind, or a change in between), nor none", async () => {
    for (const versions of [[2, 3], [3, 4], [3, null], []]) {
      const key = keyAt(3);
      let made = 0;
      const make = async () => {
        made++;
        return { figures, versions };
      };
      await linkFigures(key, make);
      await linkFigures(key, make);
      expect(made).toBe(2);
    }
    const key = keyAt(3);
    let made = 0;
    const none = async () => {
      made++;
      return { figures: null, versions: [3] };
    };
    expect(await linkFigures(key, none)).toBeNull();
    await linkFigures(key, none);
    expect(made).toBe(2);
  });
});
