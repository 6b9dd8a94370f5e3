// Each linked indicator's roll-up figures persisted per (indicator, project data version, as-of day,
// regions' layout), so that every app instance, and one that has just started, reads what another
// computed (the in-process cache in series-cache.ts fronts these rows). Only today's figures are
// persisted: a roll-up asked as of a past day is computed and kept in the process only. A row is read
// for the data version the roll-up read its project at, and the data version moves in the same
// transaction as any approved value, target or logframe change, so a row is never read for another
// version's data.
import "server-only";
import type { RollupTarget, RollupValue } from "@/lib/domain/rollup";
import { db, readDb } from "@/lib/platform/db";
import type { LinkFigures } from "./series-cache";

/** One linked indicator at the data version its project was read at. */
export type LinkVersion = { indicatorId: string; dataVersion: number };

type Stored = {
  values: (Omit<RollupValue, "start" | "end"> & { start: string; end: string })[];
  targets: (Omit<RollupTarget, "start" | "end"> & { start: string | null; end: string | null })[];
  countryNames: (readonly [string, string])[];
};

const dateOf = (iso: string) => new Date(iso);

function revived(stored: Stored): LinkFigures {
  return {
    values: stored.values.map((v) => ({ ...v, start: dateOf(v.start), end: dateOf(v.end) })),
    targets: stored.targets.map((t) => ({
      ...t,
      start: t.start === null ? null : dateOf(t.start),
      end: t.end === null ? null : dateOf(t.end),
    })),
    countryNames: stored.countryNames,
  };
}

/** The persisted figures of the given links at their versions, by indicator id. One statement. */
export async function persistedLinkFigures(
  links: LinkVersion[],
  day: string,
  regions: string,
): Promise<Map<string, LinkFigures>> {
  if (!links.length) return new Map();
  const rows = await readDb().$queryRaw<{ indicatorId: string; figures: Stored }[]>`
    SELECT f."indicatorId", f."figures" FROM "LinkFiguresAggregate" f
    JOIN unnest(${links.map((l) => l.indicatorId)}::text[], ${links.map((l) => l.dataVersion)}::int[])
      AS k("indicatorId", "dataVersion") ON f."indicatorId" = k."indicatorId" AND f."dataVersion" = k."dataVersion"
    WHERE f."asOfDay" = ${day} AND f."regionsKey" = ${regions}`;
  return new Map(rows.map((r) => [r.indicatorId, revived(r.figures)]));
}

/**
 * Keeps each link's figures at the version they were computed at, and drops the indicator's rows of older
 * versions or days (never read again: versions and today only move forward). Two statements, however
 * many links.
 */
export async function persistLinkFigures(
  computed: (LinkVersion & { figures: LinkFigures })[],
  day: string,
  regions: string,
) {
  if (!computed.length) return;
  // In one order in every instance, so that two writing the same rows wait for each other, not deadlock.
  const sorted = [...computed].sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : 1));
  const ids = sorted.map((c) => c.indicatorId);
  const versions = sorted.map((c) => c.dataVersion);
  const figures = sorted.map((c) => JSON.stringify(c.figures));
  await db().$transaction([
    db().$executeRaw`
      DELETE FROM "LinkFiguresAggregate" f
      USING unnest(${ids}::text[], ${versions}::int[]) AS k("indicatorId", "dataVersion")
      WHERE f."indicatorId" = k."indicatorId" AND (f."dataVersion" < k."dataVersion" OR f."asOfDay" < ${day})`,
    db().$executeRaw`
      INSERT INTO "LinkFiguresAggregate" ("indicatorId", "dataVersion", "asOfDay", "regionsKey", "figures")
      SELECT k."indicatorId", k."dataVersion", ${day}, ${regions}, k."figures"::jsonb
      FROM unnest(${ids}::text[], ${versions}::int[], ${figures}::text[]) AS k("indicatorId", "dataVersion", "figures")
      ON CONFLICT DO NOTHING`,
  ]);
}
