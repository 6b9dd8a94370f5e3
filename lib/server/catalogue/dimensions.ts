// Which disaggregation dimensions a project's indicators may use: the project's own (made by its
// definition, import or setup, changed by that project only) and the shared catalogue. A project's own
// dimension with a catalogue key takes its place in that project, so no project adds options to
// another project's breakdowns.
import type { Db } from "@/lib/platform/db";

type Client = Pick<Db, "disaggregationDimension">;

/** Usable dimensions by key, with their options in order (the project's own over the catalogue's). */
export async function usableDimensions(client: Client, projectId: string | null, keys?: string[]) {
  const rows = await client.disaggregationDimension.findMany({
    where: {
      OR: projectId ? [{ projectId: null }, { projectId }] : [{ projectId: null }],
      ...(keys ? { key: { in: keys } } : {}),
    },
    include: { options: { orderBy: { sortOrder: "asc" } } },
    orderBy: [{ isCustom: "asc" }, { name: "asc" }],
  });
  const byKey = new Map<string, (typeof rows)[number]>();
  for (const d of rows) if (d.projectId !== null || !byKey.has(d.key)) byKey.set(d.key, d);
  return byKey;
}
