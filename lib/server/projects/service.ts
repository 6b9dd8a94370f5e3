import "server-only";
import { can, type Principal } from "@/lib/domain/permissions";
import type { Indicator, Prisma } from "@/lib/generated/prisma/client";
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

/** A project with its logframe and active indicators, as getProject returns it. */
export type ProjectWithLogframe = Prisma.ProjectGetPayload<{
  include: { resultNodes: { include: { indicators: true } } };
}>;

type LogframeRow = Omit<ProjectWithLogframe, "resultNodes"> & {
  /** The result nodes and their indicators as JSON: dates as text (ISO days and timestamps without zone). */
  resultNodes: (Omit<ProjectWithLogframe["resultNodes"][number], "indicators"> & {
    indicators: (Omit<Indicator, "baselineDate" | "archivedAt"> & {
      baselineDate: string | null;
      archivedAt: string | null;
    })[];
  })[];
};

/**
 * One project with its logframe (result nodes by sortOrder) and active indicators (by sortOrder within
 * their node), or null when it does not exist. One statement: every project page's gate reads it.
 */
export async function getProject(principal: Principal, projectId: string): Promise<ProjectWithLogframe | null> {
  // Not allowed and not found look the same, so project ids cannot be probed.
  if (!can(principal, "project.read", projectId)) return null;
  const [row] = await db().$queryRaw<LogframeRow[]>`
    SELECT p.*,
           COALESCE((SELECT json_agg(to_jsonb(n) || jsonb_build_object('indicators',
                       COALESCE((SELECT json_agg(i ORDER BY i."sortOrder")
                                   FROM "Indicator" i WHERE i."resultNodeId" = n."id" AND i."archivedAt" IS NULL), '[]'::json))
                       ORDER BY n."sortOrder")
                       FROM "ResultNode" n WHERE n."projectId" = p."id"), '[]'::json) AS "resultNodes"
      FROM "Project" p
     WHERE p."id" = ${projectId}`;
  if (!row) return null;
  return {
    ...row,
    resultNodes: row.resultNodes.map((node) => ({
      ...node,
      indicators: node.indicators.map((indicator) => ({
        ...indicator,
        baselineDate: indicator.baselineDate === null ? null : new Date(`${indicator.baselineDate}T00:00:00.000Z`),
        archivedAt: indicator.archivedAt === null ? null : new Date(`${indicator.archivedAt}Z`),
      })),
    })),
  };
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
