// What the project setup pages show (logframe, one indicator's form, settings, targets), for someone who
// may edit the project: null for anyone else, so the page answers 404 as for a project that does not exist.
import "server-only";
import { can, type Principal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { projectSummary } from "@/lib/server/summary/service";
import { dimensionCatalogue } from "./service";

const mayEdit = (principal: Principal, projectId: string) => can(principal, "project.edit", projectId);

/** The logframe page: result nodes with every indicator (archived ones too), and the dimensions to choose from. */
export async function logframeForEditing(principal: Principal, projectId: string) {
  if (!mayEdit(principal, projectId)) return null;
  const [project, dimensions] = await Promise.all([
    db().project.findUnique({
      where: { id: projectId },
      include: {
        resultNodes: {
          orderBy: { sortOrder: "asc" },
          include: {
            indicators: {
              orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
              // Which library indicator each reports (#34), shown beside its title.
              include: { libraryLink: { select: { libraryIndicator: { select: { code: true } } } } },
            },
          },
        },
      },
    }),
    dimensionCatalogue(projectId),
  ]);
  return project && { project, dimensions };
}

/** One indicator's form: the indicator with its dimensions, the project's result nodes and the dimensions. */
export async function indicatorForEditing(principal: Principal, projectId: string, indicatorId: string) {
  if (!mayEdit(principal, projectId)) return null;
  const [project, indicator, dimensions] = await Promise.all([
    db().project.findUnique({ where: { id: projectId }, include: { resultNodes: { orderBy: { sortOrder: "asc" } } } }),
    db().indicator.findFirst({
      where: { id: indicatorId, projectId },
      include: { dimensions: { include: { dimension: true } } },
    }),
    dimensionCatalogue(projectId),
  ]);
  return project && indicator && { project, indicator, dimensions };
}

/** The settings page: the project with its places. */
export async function projectForSettings(principal: Principal, projectId: string) {
  if (!mayEdit(principal, projectId)) return null;
  return db().project.findUnique({
    where: { id: projectId },
    include: { locations: { include: { location: true } }, themes: { select: { themeKey: true } } },
  });
}

/**
 * The targets page: the project's periods, rounds, places and indicators that take targets (not composed
 * ones), and for the chosen indicator (else the first) its targets and the engine's warnings about them.
 */
export async function targetsForEditing(principal: Principal, projectId: string, chosenIndicatorId?: string) {
  if (!mayEdit(principal, projectId)) return null;
  const project = await db().project.findUnique({
    where: { id: projectId },
    include: {
      periods: { orderBy: { startDate: "asc" } },
      surveyRounds: { orderBy: { startDate: "asc" } },
      locations: { include: { location: true } },
      indicators: {
        where: { archivedAt: null, composedFromId: null },
        orderBy: [{ resultNode: { sortOrder: "asc" } }, { sortOrder: "asc" }],
        include: {
          dimensions: { include: { dimension: { include: { options: { orderBy: { sortOrder: "asc" } } } } } },
        },
      },
    },
  });
  if (!project) return null;
  const indicator = project.indicators.find((i) => i.id === chosenIndicatorId) ?? project.indicators[0];
  if (!indicator) return { project, indicator: null, targets: [], warnings: [] };
  const [targets, summary] = await Promise.all([
    db().target.findMany({ where: { indicatorId: indicator.id } }),
    projectSummary(principal, project.id, { withoutTrajectory: true, indicatorId: indicator.id }),
  ]);
  const warnings = summary?.indicators.find((i) => i.indicator.id === indicator.id)?.warnings ?? [];
  return { project, indicator, targets, warnings };
}
