// A project's figures for one linked indicator, as the roll-up reads them (values and targets per place
// and period), kept per (indicator, project data version, as-of day, the organisation's regions). Making
// them loads the project and runs the engine over the indicator's every period (indicatorPlacesOverTime);
// a roll-up over hundreds of projects would otherwise do that for each on every view. The data version
// moves in the same transaction as any approved value, target or logframe change (lib/server/summary/cache.ts),
// so figures are kept only when every summary they were made from was computed at the key's version (a
// replica behind the primary, or an approval in between, would otherwise file older figures under a newer
// version), and never "no figures" (the caller may have lost access in between). Names, donors and
// themes are not kept here: the roll-up takes them fresh from its own query.
import "server-only";
import { createHash } from "node:crypto";
import type { AsOf } from "@/lib/domain/as-of";
import type { RollupTarget, RollupValue } from "@/lib/domain/rollup";
import { LruCache } from "@/lib/platform/ops/lru-cache";

export type LinkFigures = {
  values: RollupValue[];
  targets: RollupTarget[];
  countryNames: (readonly [string, string])[];
};

// Weighed by their rows (a value or target at a place and period), so as-of days asked in the past cannot
// fill the memory: half a million rows is a few library indicators over thousands of projects.
const kept = new LruCache<LinkFigures>(500_000, (f) => f.values.length + f.targets.length);
const inFlight = new Map<string, Promise<LinkFigures | null>>();

/** The regions' part of the key: a country moved to another region changes the places' groups. */
export function regionsKey(regionOf: Map<string, string>): string {
  const pairs = [...regionOf].sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha1").update(JSON.stringify(pairs)).digest("base64url");
}

export type LinkKey = { indicatorId: string; dataVersion: number; asOf: AsOf; regions: string };

const idOf = (key: LinkKey) => `${key.indicatorId}@${key.dataVersion}@${key.asOf.toKey()}@${key.regions}`;

/** Whether this process keeps the figures of `key`. */
export const keepsLinkFigures = (key: LinkKey) => kept.get(idOf(key)) !== undefined;

/** Keeps figures read from the database, where they were persisted for exactly `key` (persisted-figures.ts). */
export function keepLinkFigures(key: LinkKey, figures: LinkFigures) {
  kept.set(idOf(key), figures);
}

/**
 * The figures of `key`, made once per key (concurrent views of a fresh version wait for one computation).
 * `make` tells the data versions of the summaries it read (null for one it could not read); `onKept` hears
 * of figures made here and kept (to persist them).
 */
export function linkFigures(
  key: LinkKey,
  make: () => Promise<{ figures: LinkFigures | null; versions: (number | null)[] }>,
  onKept?: (figures: LinkFigures) => void,
): Promise<LinkFigures | null> {
  const id = idOf(key);
  const hit = kept.get(id);
  if (hit !== undefined) return Promise.resolve(hit);
  const running = inFlight.get(id);
  if (running) return running;
  const started = make()
    .then(({ figures, versions }) => {
      const exact = versions.length > 0 && versions.every((v) => v === key.dataVersion);
      if (figures && exact) {
        kept.set(id, figures);
        onKept?.(figures);
      }
      return figures;
    })
    .finally(() => inFlight.delete(id));
  inFlight.set(id, started);
  return started;
}
