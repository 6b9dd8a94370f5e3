// The library API's answers (lib/http/contracts/library.ts): the library services' rows as the contracts
// describe them (no database dates or internal fields).
import "server-only";
import type { z } from "zod";
import type { LibraryIndicatorInput } from "@/lib/domain/library/input";
import type { Principal } from "@/lib/domain/permissions";
import { type LibraryRollup, libraryRollup, rollupGroupName } from "@/lib/server/library/rollup";
import {
  createLibraryIndicator,
  libraryIndicatorView,
  libraryPage,
  linkIndicator,
  unlinkIndicator,
} from "@/lib/server/library/service";
import type { libraryListQuery, linkBody, rollupQuery } from "./contracts/library";
import { ApiProblem } from "./problem";

type Row = {
  id: string;
  code: string;
  nameEn: string;
  nameEs: string;
  definition: string;
  measure: string;
  unit: string;
  direction: string;
  dimensionKeys: string[];
  rollupRule: string;
  archivedAt: Date | null;
};

function libraryItem(row: Row, projectCount: number) {
  const { id, code, nameEn, nameEs, definition, measure, unit, direction, dimensionKeys, rollupRule } = row;
  return {
    id,
    code,
    nameEn,
    nameEs,
    definition,
    measure,
    unit,
    direction,
    dimensionKeys,
    rollupRule,
    archived: row.archivedAt !== null,
    projectCount,
  };
}

const notFound = () => new ApiProblem("notFound", "No such library indicator");

export async function listLibraryResponse(principal: Principal, query: z.output<typeof libraryListQuery>) {
  const { items, nextCursor } = await libraryPage(principal, query);
  return { indicators: items.map((row) => libraryItem(row, row.projectCount)), nextCursor };
}

export async function libraryIndicatorResponse(principal: Principal, libraryId: string) {
  const view = await libraryIndicatorView(principal, libraryId);
  if (!view) throw notFound();
  return {
    ...libraryItem(view.indicator, new Set(view.projects.map((p) => p.project.id)).size),
    projects: view.projects.map((p) => ({
      project: { id: p.project.id, code: p.project.code, name: p.project.name },
      indicator: p.indicator,
      options: p.options.map((o) => ({
        dimensionKey: o.dimensionKey,
        optionKey: o.optionKey,
        projectOptionId: o.option.id,
        projectOptionName: o.option.name,
      })),
      linkedAt: p.linkedAt.toISOString(),
    })),
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A group's coverage of people in need as the API answers it (null when the indicator does not sum people). */
function coverageOf(need: NonNullable<LibraryRollup["coverage"]>[string] | undefined) {
  if (!need) return null;
  return {
    percent: need.coverage,
    inNeed: need.inNeed,
    missing: need.missing,
    uncertain: need.uncertain,
    figures: need.figures.map(({ name, figure: f }) => ({
      place: name,
      value: f.value,
      sharePercent: f.sharePercent,
      periodStart: day(f.periodStart),
      periodEnd: day(f.periodEnd),
      source: f.source,
      sourceUrl: f.sourceUrl,
    })),
  };
}

export async function libraryRollupResponse(
  principal: Principal,
  libraryId: string,
  query: z.output<typeof rollupQuery>,
) {
  const rolled = await libraryRollup(principal, libraryId, {
    by: query.by,
    year: query.year,
    asOf: query.asOf,
  });
  if (!rolled) throw notFound();
  return {
    libraryIndicatorId: rolled.library.id,
    rule: rolled.library.rollupRule,
    asOf: rolled.asOf.toKey(),
    by: query.by,
    year: query.year,
    years: rolled.years,
    figures: rolled.figures.map((f) => ({
      key: f.key,
      name: rollupGroupName(rolled, query.by, f.key, "en", { noRegion: "No region", allProjects: "All projects" }),
      actual: f.actual,
      target: f.target,
      targetBasis: f.targetBasis,
      targetMissing: f.targetMissing,
      contributions: f.contributions,
      overlap: f.overlap,
      coverage: coverageOf(rolled.coverage?.[f.key]),
    })),
    projects: rolled.projects,
  };
}

export async function createLibraryResponse(principal: Principal, body: LibraryIndicatorInput) {
  return libraryItem(await createLibraryIndicator(principal, body), 0);
}

export async function linkResponse(
  principal: Principal,
  params: { projectId: string; indicatorId: string },
  body: z.output<typeof linkBody>,
) {
  await linkIndicator(principal, params.projectId, params.indicatorId, body.libraryIndicatorId, body.options);
  return { indicatorId: params.indicatorId, libraryIndicatorId: body.libraryIndicatorId, options: body.options };
}

export async function unlinkResponse(principal: Principal, params: { projectId: string; indicatorId: string }) {
  await unlinkIndicator(principal, params.projectId, params.indicatorId);
  return { indicatorId: params.indicatorId, libraryIndicatorId: null, options: [] };
}
