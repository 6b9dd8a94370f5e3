// A saved project read back as a definition, without its results: the source of "copy as template"
// (a new phase from the last one) and of the logframe workbook download.
import "server-only";
import { assertCan, type Principal } from "@/lib/domain/permissions";
import { LIFE_OF_PROJECT, type ProjectDefinitionInput } from "@/lib/domain/projects/definition";
import { db } from "@/lib/platform/db";

const day = (d: Date | null) => d?.toISOString().slice(0, 10);
const opt = <T>(v: T | null): T | undefined => v ?? undefined;

/** The project as a definition (no results); round keys are the rounds' names, made unique. */
export async function projectDefinition(principal: Principal, projectId: string): Promise<ProjectDefinitionInput> {
  assertCan(principal, "project.read", projectId);
  const p = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      locations: { include: { location: true } },
      periods: { orderBy: { startDate: "asc" } },
      surveyRounds: { orderBy: { startDate: "asc" } },
      resultNodes: { orderBy: { sortOrder: "asc" } },
      indicators: {
        where: { archivedAt: null },
        orderBy: { sortOrder: "asc" },
        include: {
          targets: { include: { option: { include: { dimension: true } } } },
          dimensions: { include: { dimension: { include: { options: { orderBy: { sortOrder: "asc" } } } } } },
          composedFrom: { select: { code: true } },
          composedOption: { include: { dimension: true } },
        },
      },
    },
  });
  const locationRef = new Map(p.locations.map(({ location: l }) => [l.id, l.isoCode ?? l.id]));
  const roundKey = new Map<string, string>();
  for (const r of p.surveyRounds) {
    let key = r.name;
    for (let n = 2; [...roundKey.values()].includes(key); n++) key = `${r.name} (${n})`;
    roundKey.set(r.id, key);
  }
  const periodLabel = new Map(p.periods.map((x) => [x.id, x.label]));
  const nodeCode = new Map(p.resultNodes.map((n) => [n.id, n.code]));
  const custom = new Map(
    p.indicators
      .flatMap((i) => i.dimensions.map((d) => d.dimension))
      .filter((d) => d.isCustom || d.projectId !== null)
      .map((d) => [
        d.key,
        { key: d.key, name: d.name, options: d.options.map((o) => [o.key, o.name] as [string, string]) },
      ]),
  );
  return {
    code: p.code,
    name: p.name,
    summary: p.summary,
    donor: p.donor,
    partners: p.partners,
    startDate: day(p.startDate) ?? "",
    endDate: day(p.endDate) ?? "",
    reportingFrequency: p.reportingFrequency,
    onTrackThreshold: p.onTrackThreshold,
    atRiskThreshold: p.atRiskThreshold,
    languages: p.languages,
    sourceNote: p.sourceNote,
    locations: [...locationRef.values()],
    dimensions: [...custom.values()],
    periods: p.periods.map((x) => ({
      label: x.label,
      startDate: day(x.startDate) ?? "",
      endDate: day(x.endDate) ?? "",
    })),
    rounds: p.surveyRounds.map((r) => ({
      key: roundKey.get(r.id) ?? r.name,
      type: r.type,
      name: r.name,
      startDate: day(r.startDate) ?? "",
      endDate: day(r.endDate) ?? "",
      mode: r.mode,
      plannedSampleSize: opt(r.plannedSampleSize),
      achievedSampleSize: opt(r.achievedSampleSize),
      notes: r.notes,
    })),
    nodes: p.resultNodes.map((n) => ({
      code: n.code,
      level: n.level,
      title: n.title,
      description: n.description,
      parent: n.parentId ? nodeCode.get(n.parentId) : undefined,
      indicators: p.indicators
        .filter((i) => i.resultNodeId === n.id)
        .map((i) => ({
          code: i.code,
          title: i.title,
          definition: i.definition,
          unit: i.unit,
          measure: i.measure,
          direction: i.direction,
          timeRule: i.timeRule,
          source: i.source,
          baseline:
            i.baselineValue === null && i.baselineNumerator === null
              ? undefined
              : {
                  value: opt(i.baselineValue),
                  numerator: opt(i.baselineNumerator),
                  denominator: opt(i.baselineDenominator),
                  date: day(i.baselineDate),
                  provenance: i.baselineProvenance,
                  note: i.baselineNote,
                },
          dimensions: i.dimensions.map((d) => d.dimension.key),
          composedFrom:
            i.composedFrom && i.composedOption
              ? `${i.composedFrom.code}:${i.composedOption.dimension.key}:${i.composedOption.key}`
              : undefined,
          meansOfVerification: i.meansOfVerification,
          validation:
            i.minValue === null && i.maxValue === null && i.wholeNumbers === null
              ? undefined
              : { min: opt(i.minValue), max: opt(i.maxValue), wholeNumbers: i.wholeNumbers ?? undefined },
          targets: i.targets.map((t) => ({
            when: t.periodId
              ? (periodLabel.get(t.periodId) ?? "")
              : t.roundId
                ? (roundKey.get(t.roundId) ?? "")
                : LIFE_OF_PROJECT,
            location: t.locationId ? locationRef.get(t.locationId) : undefined,
            option: t.option ? `${t.option.dimension.key}:${t.option.key}` : undefined,
            value: opt(t.value),
            numerator: opt(t.numerator),
            denominator: opt(t.denominator),
            note: t.note || undefined,
            provenance: t.provenance,
          })),
        })),
    })),
  };
}

/**
 * A new phase from an existing project: same logframe, indicators, baselines, places and
 * life-of-project targets; new code, name and dates, with periods made afresh from the new dates.
 * Results, survey rounds and per-period targets stay with the old phase.
 */
export function asTemplate(
  def: ProjectDefinitionInput,
  next: { code: string; name: string; startDate: string; endDate: string },
): ProjectDefinitionInput {
  return {
    ...def,
    ...next,
    periods: undefined,
    rounds: [],
    sourceNote: "",
    nodes: def.nodes?.map((n) => ({
      ...n,
      indicators: n.indicators?.map((i) => ({
        ...i,
        targets: i.targets?.filter((t) => t.when === LIFE_OF_PROJECT),
        results: [],
      })),
    })),
  };
}
