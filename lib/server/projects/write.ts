// Writes a checked project definition inside the caller's transaction. References to the shared
// catalogue (places, disaggregation dimensions) are resolved here; any that cannot be are reported
// together, by path, before the first row is written, so a bad definition creates nothing.

import { LIFE_OF_PROJECT, type ProjectDefinition } from "@/lib/domain/projects/definition";
import type { Tx } from "@/lib/platform/db";
import { usableDimensions } from "@/lib/server/catalogue/dimensions";
import { insertAuditEvents } from "@/lib/server/results/bulk-insert";
import { createDocumentStudies } from "@/lib/server/studies/iati-import";
import { placeByName } from "./places";

export type DefinitionProblem = { path: string; code: string };

export class DefinitionProblems extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(`${problems.length} problem(s) in the project definition`);
    this.name = "DefinitionProblems";
  }
}

export type WriteOptions = {
  /** Who entered and who approved the definition's results; who locked its locked periods. */
  enteredBy: string | null;
  reviewedBy: string | null;
  /** The new project's team: users made managers, and evaluators. */
  managerIds?: string[];
  evaluatorIds?: string[];
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoLike = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

function figure(f: { value?: number; numerator?: number; denominator?: number }) {
  return { value: f.value ?? null, numerator: f.numerator ?? null, denominator: f.denominator ?? null };
}

/** Places by reference: existing catalogue places (ISO code or id), then the definition's new ones. */
async function resolveLocations(tx: Tx, def: ProjectDefinition, problems: DefinitionProblem[]) {
  const refs = new Set([...def.locations, ...def.newLocations.flatMap((l) => [l.ref, l.parent ?? []].flat())]);
  const found = await tx.location.findMany({
    where: { OR: [{ isoCode: { in: [...refs] } }, { id: { in: [...refs] } }] },
    select: { id: true, isoCode: true },
  });
  const ids = new Map<string, string>();
  for (const l of found) {
    ids.set(l.id, l.id);
    if (l.isoCode) ids.set(l.isoCode, l.id);
  }
  const toCreate = def.newLocations.filter((l) => !ids.has(l.ref));
  const creatable = new Set(toCreate.map((l) => l.ref));
  def.newLocations.forEach((l, i) => {
    if (l.parent && !ids.has(l.parent) && !creatable.has(l.parent))
      problems.push({ path: `newLocations.${i}.parent`, code: "unknown" });
  });
  def.locations.forEach((ref, i) => {
    if (!ids.has(ref) && !creatable.has(ref)) problems.push({ path: `locations.${i}`, code: "unknown" });
  });
  const created = new Set<string>();
  return {
    ids,
    /** The references of the places `create` made (or found by parent and name). */
    created,
    async create() {
      // Parents first: a place may lie in another new place listed after it.
      const pending = [...toCreate];
      while (pending.length) {
        const index = pending.findIndex((l) => !l.parent || ids.has(l.parent));
        const [next] = pending.splice(Math.max(index, 0), 1);
        if (!next) break;
        const parentId = next.parent ? (ids.get(next.parent) ?? null) : null;
        // One place per parent and name: a place already there (in any case or accents) is reused.
        const existing = await placeByName(tx, parentId, next.name);
        if (existing) {
          ids.set(next.ref, existing.id);
          created.add(next.ref);
          continue;
        }
        const row = await tx.location.create({
          data: { name: next.name, level: next.level, isoCode: isoLike.test(next.ref) ? next.ref : null, parentId },
        });
        ids.set(next.ref, row.id);
        created.add(next.ref);
      }
    },
  };
}

/**
 * Dimension and option ids by "key" and "key:option": the definition's own dimensions (created for
 * the new project by `create`, so they never change another project's) over the shared catalogue's.
 * Until `create`, the own ones are known by key with empty ids, enough to check references.
 */
async function resolveDimensions(tx: Tx, def: ProjectDefinition) {
  const dimensionIds = new Map<string, string>();
  const optionIds = new Map<string, string>();
  const own = new Set(def.dimensions.map((d) => d.key));
  const used = new Set(def.nodes.flatMap((n) => n.indicators.flatMap((i) => i.dimensions ?? [])));
  for (const d of (await usableDimensions(tx, null, [...used])).values()) {
    if (own.has(d.key)) continue;
    dimensionIds.set(d.key, d.id);
    for (const o of d.options) optionIds.set(`${d.key}:${o.key}`, o.id);
  }
  for (const d of def.dimensions) {
    dimensionIds.set(d.key, "");
    for (const [key] of d.options) optionIds.set(`${d.key}:${key}`, "");
  }
  return {
    dimensionIds,
    optionIds,
    async create(projectId: string) {
      for (const d of def.dimensions) {
        const row = await tx.disaggregationDimension.create({
          data: {
            projectId,
            key: d.key,
            name: d.name,
            isCustom: true,
            options: { create: d.options.map(([key, name], sortOrder) => ({ key, name, sortOrder })) },
          },
          include: { options: true },
        });
        dimensionIds.set(d.key, row.id);
        for (const o of row.options) optionIds.set(`${d.key}:${o.key}`, o.id);
      }
    },
  };
}

/** Problems only the catalogue can reveal: unknown places, dimensions and options, places outside the project. */
function catalogueProblems(
  def: ProjectDefinition,
  locationIds: Map<string, string>,
  creatable: Set<string>,
  dims: { dimensionIds: Map<string, string>; optionIds: Map<string, string> },
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const inProject = new Set(def.locations);
  def.nodes.forEach((node, ni) => {
    node.indicators.forEach((ind, ii) => {
      const at = `nodes.${ni}.indicators.${ii}`;
      (ind.dimensions ?? []).forEach((d, di) => {
        if (!dims.dimensionIds.has(d)) problems.push({ path: `${at}.dimensions.${di}`, code: "unknown" });
      });
      const cells = [
        ...ind.targets.map((c, i) => ({ c, path: `${at}.targets.${i}` })),
        ...ind.results.map((c, i) => ({ c, path: `${at}.results.${i}` })),
      ];
      for (const { c, path } of cells) {
        if (c.location && !inProject.has(c.location)) problems.push({ path: `${path}.location`, code: "notInProject" });
        else if (c.location && !locationIds.has(c.location) && !creatable.has(c.location))
          problems.push({ path: `${path}.location`, code: "unknown" });
        if (c.option && dims.dimensionIds.has(c.option.split(":")[0] ?? "") && !dims.optionIds.has(c.option))
          problems.push({ path: `${path}.option`, code: "unknown" });
      }
      if (ind.composedFrom) {
        const option = ind.composedFrom.split(":").slice(1).join(":");
        if (!dims.optionIds.has(option)) problems.push({ path: `${at}.composedFrom`, code: "unknown" });
      }
    });
  });
  return problems;
}

/** Creates the project and everything in the definition; returns the new project's id. */
export async function writeProjectDefinition(tx: Tx, def: ProjectDefinition, options: WriteOptions): Promise<string> {
  const problems: DefinitionProblem[] = [];
  if (await tx.project.findUnique({ where: { code: def.code }, select: { id: true } }))
    problems.push({ path: "code", code: "taken" });
  const places = await resolveLocations(tx, def, problems);
  const dims = await resolveDimensions(tx, def);
  const creatable = new Set(def.newLocations.map((l) => l.ref));
  problems.push(...catalogueProblems(def, places.ids, creatable, dims));
  if (problems.length) throw new DefinitionProblems(problems);
  await places.create();
  const location = (ref: string | undefined) => (ref ? (places.ids.get(ref) ?? null) : null);
  const option = (key: string | undefined) => (key ? (dims.optionIds.get(key) ?? null) : null);
  const now = new Date();

  const project = await tx.project.create({
    data: {
      code: def.code,
      name: def.name,
      summary: def.summary,
      donor: def.donor,
      partners: def.partners,
      startDate: day(def.startDate),
      endDate: day(def.endDate),
      reportingFrequency: def.reportingFrequency,
      onTrackThreshold: def.onTrackThreshold,
      atRiskThreshold: def.atRiskThreshold,
      languages: def.languages,
      sourceNote: def.sourceNote,
      iatiIdentifier: def.iati?.identifier ?? null,
      reportingOrgRef: def.iati?.reportingOrg.ref || null,
      reportingOrgName: def.iati?.reportingOrg.name || null,
      reportingOrgType: def.iati?.reportingOrg.type ?? null,
      ...(def.iati?.kept && { iatiKept: def.iati.kept }),
      locations: {
        create: [...new Set(def.locations)].map((ref) => ({
          locationId: location(ref) ?? "",
          // A place made from a file's own reference (no ISO code) keeps it, for the export.
          ref: places.created.has(ref) && !isoLike.test(ref) ? ref : null,
          percentage: def.countryPercentages[ref] ?? null,
        })),
      },
      memberships: {
        create: [
          ...(options.managerIds ?? []).map((userId) => ({ userId, role: "MANAGER" as const })),
          ...(options.evaluatorIds ?? [])
            .filter((userId) => !options.managerIds?.includes(userId))
            .map((userId) => ({ userId, role: "EVALUATOR" as const })),
        ],
      },
    },
  });
  await dims.create(project.id);
  await createDocumentStudies(
    tx,
    project.id,
    def.iati?.kept?.elements ?? [],
    def.languages[0] ?? "en",
    options.enteredBy,
  );
  const when = new Map<string, { periodId: string | null; roundId: string | null }>([
    [LIFE_OF_PROJECT, { periodId: null, roundId: null }],
  ]);
  for (const period of def.periods) {
    const row = await tx.reportingPeriod.create({
      data: {
        projectId: project.id,
        label: period.label,
        startDate: day(period.startDate),
        endDate: day(period.endDate),
        lockedAt: period.locked ? day(period.endDate) : null,
        lockedById: period.locked ? options.reviewedBy : null,
      },
    });
    when.set(period.label, { periodId: row.id, roundId: null });
  }
  for (const { key, ...round } of def.rounds) {
    const row = await tx.surveyRound.create({
      data: { ...round, projectId: project.id, startDate: day(round.startDate), endDate: day(round.endDate) },
    });
    when.set(key, { periodId: null, roundId: row.id });
  }
  const scope = (w: string) => when.get(w) ?? { periodId: null, roundId: null };
  const nodeIds = new Map<string, string>();
  const indicatorIds = new Map<string, string>();
  // Parents before children, so every parent id is known when a child is written.
  const ordered = [...def.nodes].sort((a, b) => depth(def, a.code) - depth(def, b.code));
  for (const node of ordered) {
    const row = await tx.resultNode.create({
      data: {
        projectId: project.id,
        parentId: node.parent ? nodeIds.get(node.parent) : null,
        level: node.level,
        code: node.code,
        title: node.title,
        description: node.description ?? "",
        sortOrder: def.nodes.indexOf(node),
      },
    });
    nodeIds.set(node.code, row.id);
  }
  // Composed indicators point at another indicator: write those last.
  const indicators = def.nodes
    .flatMap((node) => node.indicators.map((ind, order) => ({ node, ind, order })))
    .sort((a, b) => Number(!!a.ind.composedFrom) - Number(!!b.ind.composedFrom));
  for (const { node, ind, order } of indicators) {
    const [fromCode, ...optionKey] = ind.composedFrom?.split(":") ?? [];
    const indicator = await tx.indicator.create({
      data: {
        projectId: project.id,
        resultNodeId: nodeIds.get(node.code) ?? "",
        code: ind.code,
        title: ind.title,
        definition: ind.definition ?? "",
        unit: ind.unit ?? "",
        measure: ind.measure,
        direction: ind.direction ?? "INCREASE",
        timeRule: ind.timeRule ?? "NON_CUMULATIVE",
        source: ind.source ?? "MONITORING",
        baselineValue: ind.baseline?.value ?? null,
        baselineNumerator: ind.baseline?.numerator ?? null,
        baselineDenominator: ind.baseline?.denominator ?? null,
        baselineDate: ind.baseline?.date ? day(ind.baseline.date) : null,
        baselineNote: ind.baseline?.note ?? "",
        baselineProvenance: ind.baseline?.provenance ?? "ILLUSTRATIVE",
        meansOfVerification: ind.meansOfVerification ?? "",
        minValue: ind.validation?.min ?? null,
        maxValue: ind.validation?.max ?? null,
        wholeNumbers: ind.validation?.wholeNumbers ?? null,
        sortOrder: order,
        composedFromId: fromCode ? (indicatorIds.get(fromCode) ?? null) : null,
        composedOptionId: fromCode ? option(optionKey.join(":")) : null,
        dimensions: { create: (ind.dimensions ?? []).map((d) => ({ dimensionId: dims.dimensionIds.get(d) ?? "" })) },
      },
    });
    indicatorIds.set(ind.code, indicator.id);
    await tx.target.createMany({
      data: ind.targets.map((t) => ({
        indicatorId: indicator.id,
        ...scope(t.when),
        locationId: location(t.location),
        optionId: option(t.option),
        ...figure(t),
        note: t.note ?? t.text ?? "",
        provenance: t.provenance,
      })),
    });
    const results = await tx.result.createManyAndReturn({
      select: { id: true, status: true, value: true, numerator: true, denominator: true, textValue: true },
      data: ind.results.map((r) => ({
        indicatorId: indicator.id,
        ...scope(r.when),
        locationId: location(r.location) ?? "",
        optionId: option(r.option),
        ...figure(r),
        sampleSize: r.sampleSize ?? null,
        textValue: r.text ?? null,
        note: r.note ?? "",
        status: r.status,
        provenance: r.provenance,
        createdById: options.enteredBy,
        updatedById: options.enteredBy,
        submittedAt: r.status === "DRAFT" ? null : now,
        reviewedById: r.status === "APPROVED" ? options.reviewedBy : null,
        reviewedAt: r.status === "APPROVED" ? now : null,
      })),
    });
    // Every value a definition brings in (approved ones included) is in the audit trail, by who did it.
    if (results.length && options.enteredBy) {
      await insertAuditEvents(
        tx,
        results.map(({ id, ...after }) => ({
          action: "result.import",
          entityType: "Result",
          entityId: id,
          projectId: project.id,
          actorUserId: options.enteredBy ?? "",
          after,
        })),
      );
    }
  }
  return project.id;
}

function depth(def: ProjectDefinition, code: string, seen = new Set<string>()): number {
  const parent = def.nodes.find((n) => n.code === code)?.parent;
  if (!parent || seen.has(parent)) return 0;
  return 1 + depth(def, parent, seen.add(code));
}
