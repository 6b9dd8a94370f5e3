// The read API's answers (lib/http/contracts/read.ts): the services' rows as the contracts describe them,
// each tagged for conditional GETs.
import "server-only";
import { isoDay } from "@/lib/domain/engine/days";
import type { Principal } from "@/lib/domain/permissions";
import {
  type Page,
  projectIndicators,
  projectResults,
  projectStructure,
  type ResultFilters,
  readableProjectList,
} from "@/lib/server/projects/read-api";
import { taggedJson } from "./etag";
import { ApiProblem } from "./problem";

type Input<Q> = { principal: Principal; request: Request; params: { projectId: string }; query: Q };

const day = (d: Date | null) => (d ? isoDay(d) : null);

function projectItem(p: {
  id: string;
  code: string;
  name: string;
  summary: string;
  donor: string;
  startDate: Date;
  endDate: Date;
  reportingFrequency: string;
  archivedAt: Date | null;
}) {
  const { id, code, name, summary, donor, reportingFrequency } = p;
  return {
    id,
    code,
    name,
    summary,
    donor,
    startDate: isoDay(p.startDate),
    endDate: isoDay(p.endDate),
    reportingFrequency,
    archived: p.archivedAt !== null,
  };
}

const notFound = () => new ApiProblem("notFound", "No such project, or no access to it");

export async function listProjectsResponse({ principal, request, query }: Omit<Input<Page>, "params">) {
  const { items, nextCursor } = await readableProjectList(principal, query);
  return taggedJson(request, { projects: items.map(projectItem), nextCursor });
}

export async function getProjectResponse({ principal, request, params }: Input<unknown>) {
  const project = await projectStructure(principal, params.projectId);
  if (!project) throw notFound();
  const dimensions = new Map(
    project.indicators.flatMap((i) => i.dimensions.map(({ dimension }) => [dimension.id, dimension] as const)),
  );
  return taggedJson(request, {
    project: {
      ...projectItem(project),
      onTrackThreshold: project.onTrackThreshold,
      atRiskThreshold: project.atRiskThreshold,
      languages: project.languages,
      sourceNote: project.sourceNote,
      version: project.version,
    },
    resultNodes: project.resultNodes.map(({ id, parentId, level, code, title }) => ({
      id,
      parentId,
      level,
      code,
      title,
    })),
    locations: project.locations.map(({ location: { id, parentId, level, name, isoCode } }) => ({
      id,
      parentId,
      level,
      name,
      isoCode,
    })),
    periods: project.periods.map((p) => ({
      id: p.id,
      label: p.label,
      startDate: isoDay(p.startDate),
      endDate: isoDay(p.endDate),
      locked: p.lockedAt !== null,
    })),
    rounds: project.surveyRounds.map((r) => ({
      id: r.id,
      type: r.type,
      name: r.name,
      startDate: isoDay(r.startDate),
      endDate: isoDay(r.endDate),
      plannedSampleSize: r.plannedSampleSize,
      achievedSampleSize: r.achievedSampleSize,
    })),
    dimensions: [...dimensions.values()].map((d) => ({
      id: d.id,
      key: d.key,
      name: d.name,
      options: d.options.map(({ id, key, name }) => ({ id, key, name })),
    })),
  });
}

export async function listIndicatorsResponse({ principal, request, params }: Input<unknown>) {
  const indicators = await projectIndicators(principal, params.projectId);
  if (!indicators) throw notFound();
  return taggedJson(request, {
    indicators: indicators.map((i) => ({
      id: i.id,
      resultNodeId: i.resultNodeId,
      code: i.code,
      title: i.title,
      definition: i.definition,
      unit: i.unit,
      measure: i.measure,
      direction: i.direction,
      timeRule: i.timeRule,
      source: i.source,
      baseline: {
        value: i.baselineValue,
        numerator: i.baselineNumerator,
        denominator: i.baselineDenominator,
        date: day(i.baselineDate),
        note: i.baselineNote,
      },
      dimensionIds: i.dimensions.map((d) => d.dimensionId),
      composedFrom:
        i.composedFromId && i.composedOptionId ? { indicatorId: i.composedFromId, optionId: i.composedOptionId } : null,
      version: i.version,
      targets: i.targets.map((t) => ({
        id: t.id,
        periodId: t.periodId,
        roundId: t.roundId,
        locationId: t.locationId,
        optionId: t.optionId,
        value: t.value,
        numerator: t.numerator,
        denominator: t.denominator,
        note: t.note,
      })),
    })),
  });
}

export async function listResultsResponse({ principal, request, params, query }: Input<ResultFilters & Page>) {
  const page = await projectResults(principal, params.projectId, query, query);
  if (!page) throw notFound();
  return taggedJson(request, {
    results: page.items.map((r) => ({
      id: r.id,
      indicatorId: r.indicatorId,
      periodId: r.periodId,
      roundId: r.roundId,
      locationId: r.locationId,
      optionId: r.optionId,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      sampleSize: r.sampleSize,
      weightSum: r.weightSum,
      textValue: r.textValue,
      note: r.note,
      status: r.status,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  });
}
