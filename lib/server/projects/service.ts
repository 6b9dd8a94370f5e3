import "server-only";
import { can, type Principal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { allOf, readableProjectsWhere } from "@/lib/server/access/scoped-list";
import { usableDimensions } from "@/lib/server/catalogue/dimensions";

/** The projects the principal may open, newest first. */
export async function listProjects(principal: Principal) {
  return db().project.findMany({
    where: allOf(readableProjectsWhere(principal), { archivedAt: null }),
    orderBy: { startDate: "desc" },
    include: {
      locations: { include: { location: { select: { isoCode: true, name: true, level: true } } } },
      _count: { select: { indicators: { where: { archivedAt: null } } } },
    },
  });
}

/** One project with its logframe and active indicators, or null when it does not exist. */
export async function getProject(principal: Principal, projectId: string) {
  // Not allowed and not found look the same, so project ids cannot be probed.
  if (!can(principal, "project.read", projectId)) return null;
  return db().project.findUnique({
    where: { id: projectId },
    include: {
      resultNodes: {
        orderBy: { sortOrder: "asc" },
        include: { indicators: { where: { archivedAt: null }, orderBy: { sortOrder: "asc" } } },
      },
    },
  });
}

/** One indicator with its result node and disaggregation dimensions, or null. */
export async function getIndicator(principal: Principal, projectId: string, indicatorId: string) {
  if (!can(principal, "project.read", projectId)) return null;
  return db().indicator.findFirst({
    where: { id: indicatorId, projectId },
    include: {
      resultNode: true,
      dimensions: { include: { dimension: { include: { options: { orderBy: { sortOrder: "asc" } } } } } },
      composedFrom: { select: { code: true, title: true } },
      composedOption: { select: { name: true } },
    },
  });
}

/** The shared list of places: countries, each followed by the places inside it. */
export async function locationCatalogue() {
  const all = await db().location.findMany({ orderBy: [{ level: "asc" }, { name: "asc" }] });
  const byParent = new Map<string | null, typeof all>();
  for (const l of all) byParent.set(l.parentId, [...(byParent.get(l.parentId) ?? []), l]);
  const ordered: ((typeof all)[number] & { depth: number })[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const l of byParent.get(parentId) ?? []) {
      ordered.push({ ...l, depth });
      walk(l.id, depth + 1);
    }
  };
  walk(null, 0);
  return ordered;
}

/** The dimensions a project's indicators may use: the shared catalogue (sex, age bands...) and its own. */
export async function dimensionCatalogue(projectId: string) {
  return [...(await usableDimensions(db(), projectId)).values()];
}
