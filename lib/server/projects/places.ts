// Places by parent and name, as the database tells them apart (Location.nameKey, kept by a trigger from
// location_name_key(name): lower case, without accents, spaces collapsed). No "server-only": the seed
// and the demo data write projects through lib/server/projects/write.ts, which uses it.
import type { Tx } from "@/lib/platform/db";

/** The place of this name under the parent (null: a country), by the database's own name key. */
export async function placeByName(tx: Tx, parentId: string | null, name: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Location"
    WHERE "parentId" IS NOT DISTINCT FROM ${parentId} AND "nameKey" = location_name_key(${name})`;
  return row ? tx.location.findUniqueOrThrow({ where: { id: row.id } }) : null;
}
