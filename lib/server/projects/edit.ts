// Managers edit their projects: details and places, the logframe's results, indicators (add, edit,
// reorder, archive). Each change names the version it was made on, is refused when someone saved in
// between, and is written to the audit trail with what it replaced.
import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import {
  customDimensionSchema,
  type IndicatorInput,
  indicatorSchema,
  newSiteSchema,
  type ProjectDetailsInput,
  projectDetailsSchema,
  resultNodeSchema,
} from "@/lib/domain/projects/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/platform/db";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";
import { usableDimensions } from "@/lib/server/catalogue/dimensions";
import { linkBrokenByEdit } from "@/lib/server/library/service";
import { placeByName } from "./places";

/** Someone saved since this was read: nothing was changed; `current` is what is saved now. */
export class StaleEdit extends DomainError {
  constructor(readonly current: { version: number; [key: string]: unknown }) {
    super("stale", { detail: "Changed by someone else since it was read", extra: { current } });
    this.name = "StaleEdit";
  }
}

/**
 * Input that is well-formed but not acceptable here (a place that has results, an unknown node...):
 * `reason` is the field's message key. Too many invitations is a rate limit (429) on its field.
 */
export class EditRefused extends DomainError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    const fields = [{ field: `body.${field}`, code: reason }];
    super(
      reason === "rateLimited" ? "rateLimited" : "validation",
      reason === "rateLimited"
        ? { fields, message: `${field}: ${reason}` }
        : { detail: "Not accepted", fields, message: `${field}: ${reason}` },
    );
    this.name = "EditRefused";
  }
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

export async function updateProjectDetails(principal: Principal, projectId: string, input: ProjectDetailsInput) {
  assertCan(principal, "project.edit", projectId);
  const userId = requireUserId(principal);
  const { version, locationIds, themes, ...data } = projectDetailsSchema.parse(input);
  return db().$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      include: { locations: true, themes: true },
    });
    if (before.version !== version) throw new StaleEdit(before);
    // Themes come from the one catalogue studies use (StudyTheme, kept at /admin/studies).
    if (themes && (await tx.studyTheme.count({ where: { key: { in: themes } } })) !== new Set(themes).size)
      throw new EditRefused("themes", "unknownTheme");
    const known = await tx.location.count({ where: { id: { in: locationIds } } });
    if (known !== new Set(locationIds).size) throw new EditRefused("locationIds", "unknown");
    const removed = before.locations.map((l) => l.locationId).filter((id) => !locationIds.includes(id));
    if (removed.length && (await tx.result.count({ where: { locationId: { in: removed }, indicator: { projectId } } })))
      throw new EditRefused("locationIds", "hasResults");
    const updated = await tx.project.updateMany({
      where: { id: projectId, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new StaleEdit(before);
    await tx.projectLocation.deleteMany({ where: { projectId, locationId: { in: removed } } });
    await tx.projectLocation.createMany({
      data: locationIds.map((locationId) => ({ projectId, locationId })),
      skipDuplicates: true,
    });
    const themesBefore = before.themes.map((t) => t.themeKey).sort();
    const themesAfter = themes ? [...new Set(themes)].sort() : themesBefore;
    if (themes) {
      await tx.projectTheme.deleteMany({ where: { projectId, themeKey: { notIn: themesAfter } } });
      await tx.projectTheme.createMany({
        data: themesAfter.map((themeKey) => ({ projectId, themeKey })),
        skipDuplicates: true,
      });
    }
    const after = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
    await recordAudit(tx, {
      action: "project.update",
      entityType: "Project",
      entityId: projectId,
      projectId,
      actorUserId: userId,
      before: json({ ...pick(before), locationIds: before.locations.map((l) => l.locationId), themes: themesBefore }),
      after: json({ ...pick(after), locationIds, themes: themesAfter }),
    });
    return after;
  });
}

function pick(p: Prisma.ProjectGetPayload<object>) {
  const { id: _id, createdAt: _c, updatedAt: _u, archivedAt: _a, code: _code, ...rest } = p;
  return rest;
}

/**
 * A site or district under one of the project's places, added to the project. There is one place per
 * parent and name (told apart without case or accents, as the database's unique key does): adding one
 * that exists reuses it. A region may carry its ISO 3166-2 code, which must belong to its country and
 * may name one place only.
 */
export async function addSite(principal: Principal, projectId: string, input: z.input<typeof newSiteSchema>) {
  assertCan(principal, "project.edit", projectId);
  const userId = requireUserId(principal);
  const data = newSiteSchema.parse(input);
  return db().$transaction(async (tx) => {
    const parent = await tx.projectLocation.findUnique({
      where: { projectId_locationId: { projectId, locationId: data.parentId } },
      include: { location: true },
    });
    if (!parent) throw new EditRefused("parentId", "unknown");
    const level =
      parent.location.level === "COUNTRY" ? "ADMIN1" : parent.location.level === "ADMIN1" ? "ADMIN2" : "SITE";
    if (data.isoCode) {
      const country = await countryOf(tx, parent.location.id);
      if (country && /^[A-Z]{2}$/.test(country) && !data.isoCode.startsWith(`${country}-`))
        throw new EditRefused("isoCode", "isoOtherCountry");
    }
    const sameName = () => placeByName(tx, data.parentId, data.name);
    let site = await sameName();
    if (!site) {
      if (data.isoCode && (await tx.location.findUnique({ where: { isoCode: data.isoCode } })))
        throw new EditRefused("isoCode", "isoTaken");
      // Another save of the same place at the same time makes one place: the second finds the first's.
      await tx.location.createMany({
        data: [{ name: data.name, parentId: data.parentId, level, isoCode: data.isoCode ?? null }],
        skipDuplicates: true,
      });
      site = await sameName();
      if (!site) throw new EditRefused("isoCode", "isoTaken");
      await audit(tx, userId, projectId, "location.create", "Location", site.id, undefined, {
        name: site.name,
        level,
        isoCode: site.isoCode,
      });
    } else if (data.isoCode && site.isoCode !== data.isoCode) {
      if (site.isoCode) throw new EditRefused("isoCode", "isoDiffers");
      if (await tx.location.findUnique({ where: { isoCode: data.isoCode } }))
        throw new EditRefused("isoCode", "isoTaken");
      await tx.location.update({ where: { id: site.id }, data: { isoCode: data.isoCode } });
      await audit(
        tx,
        userId,
        projectId,
        "location.update",
        "Location",
        site.id,
        { isoCode: null },
        {
          isoCode: data.isoCode,
        },
      );
    }
    const linked = await tx.projectLocation.createMany({
      data: [{ projectId, locationId: site.id }],
      skipDuplicates: true,
    });
    if (linked.count)
      await audit(tx, userId, projectId, "project.location.add", "Location", site.id, undefined, { name: site.name });
    return site;
  });
}

/** The ISO code of the country a place lies in (the place itself when it is one). */
async function countryOf(tx: Tx, locationId: string): Promise<string | null> {
  let id: string | null = locationId;
  for (let depth = 0; id && depth < 10; depth++) {
    const place: { level: string; isoCode: string | null; parentId: string | null } | null =
      await tx.location.findUnique({ where: { id }, select: { level: true, isoCode: true, parentId: true } });
    if (!place) return null;
    if (place.level === "COUNTRY") return place.isoCode;
    id = place.parentId;
  }
  return null;
}

async function audit(
  tx: Tx,
  userId: string,
  projectId: string,
  action: string,
  entityType: string,
  entityId: string,
  before?: unknown,
  after?: unknown,
) {
  await recordAudit(tx, {
    action,
    entityType,
    entityId,
    projectId,
    actorUserId: userId,
    before: before === undefined ? undefined : json(before),
    after: after === undefined ? undefined : json(after),
  });
}

// ---------- logframe: results ----------

export async function saveResultNode(
  principal: Principal,
  projectId: string,
  nodeId: string | null,
  input: z.input<typeof resultNodeSchema>,
) {
  assertCan(principal, "project.edit", projectId);
  const userId = requireUserId(principal);
  const data = resultNodeSchema.parse(input);
  return db().$transaction(async (tx) => {
    const clash = await tx.resultNode.findFirst({ where: { projectId, code: data.code, NOT: { id: nodeId ?? "" } } });
    if (clash) throw new EditRefused("code", "duplicate");
    if (
      data.parentId &&
      (data.parentId === nodeId || !(await tx.resultNode.findFirst({ where: { id: data.parentId, projectId } })))
    )
      throw new EditRefused("parentId", "unknown");
    if (!nodeId) {
      const sortOrder = await tx.resultNode.count({ where: { projectId } });
      const node = await tx.resultNode.create({ data: { ...data, projectId, sortOrder } });
      await audit(tx, userId, projectId, "resultNode.create", "ResultNode", node.id, undefined, data);
      return node;
    }
    const before = await tx.resultNode.findFirst({ where: { id: nodeId, projectId } });
    if (!before) throw new EditRefused("nodeId", "unknown");
    const node = await tx.resultNode.update({ where: { id: nodeId }, data });
    await audit(tx, userId, projectId, "resultNode.update", "ResultNode", node.id, before, data);
    return node;
  });
}

// ---------- indicators ----------

/** Adds an indicator (indicatorId null) or edits one, named by the version that was read. */
export async function saveIndicator(
  principal: Principal,
  projectId: string,
  indicatorId: string | null,
  input: IndicatorInput,
  /** More work on a new indicator in the same transaction (linking it to the library). */
  afterCreate?: (tx: Tx, created: { id: string }, userId: string) => Promise<void>,
) {
  assertCan(principal, "project.edit", projectId);
  const userId = requireUserId(principal);
  const { version, dimensionKeys, ...data } = indicatorSchema.parse(input);
  return db().$transaction(async (tx) => {
    if (!(await tx.resultNode.findFirst({ where: { id: data.resultNodeId, projectId } })))
      throw new EditRefused("resultNodeId", "unknown");
    if (await tx.indicator.findFirst({ where: { projectId, code: data.code, NOT: { id: indicatorId ?? "" } } }))
      throw new EditRefused("code", "duplicate");
    const dimensions = [...(await usableDimensions(tx, projectId, dimensionKeys)).values()];
    if (dimensions.length !== new Set(dimensionKeys).size) throw new EditRefused("dimensionKeys", "unknown");
    if (!indicatorId) {
      const sortOrder = await tx.indicator.count({ where: { resultNodeId: data.resultNodeId } });
      const created = await tx.indicator.create({
        data: { ...data, projectId, sortOrder, dimensions: { create: dimensions.map((d) => ({ dimensionId: d.id })) } },
      });
      await audit(tx, userId, projectId, "indicator.create", "Indicator", created.id, undefined, {
        ...data,
        dimensionKeys,
      });
      await afterCreate?.(tx, created, userId);
      return created;
    }
    const before = await tx.indicator.findFirst({
      where: { id: indicatorId, projectId },
      include: { dimensions: { include: { dimension: true } }, _count: { select: { results: true } } },
    });
    if (!before) throw new EditRefused("indicatorId", "unknown");
    if (version !== before.version) throw new StaleEdit(before);
    const hasResults = before._count.results > 0;
    // Results were entered for this measure and source: changing them would change what they mean.
    if (hasResults && before.measure !== data.measure) throw new EditRefused("measure", "hasResults");
    if (hasResults && before.source !== data.source) throw new EditRefused("source", "hasResults");
    const removed = before.dimensions.filter((d) => !dimensionKeys.includes(d.dimension.key)).map((d) => d.dimensionId);
    if (removed.length && (await tx.result.count({ where: { indicatorId, option: { dimensionId: { in: removed } } } })))
      throw new EditRefused("dimensionKeys", "hasResults");
    // A library link is checked again on the edited indicator: a link that no longer fits would roll up
    // other figures under the library indicator's name.
    const broken = await linkBrokenByEdit(tx, indicatorId, {
      measure: data.measure,
      unit: data.unit,
      options: dimensions.flatMap((d) => d.options.map((o) => ({ id: o.id, dimensionId: d.id, dimensionKey: d.key }))),
    });
    if (broken)
      throw new DomainError("validation", {
        detail: `Linked to the library indicator ${broken.libraryCode}: unlink it first, or keep its measure, unit and mapped disaggregations`,
        fields: broken.fields.map((field) => ({ field: `body.${field}`, code: "linkedToLibrary" })),
      });
    const updated = await tx.indicator.updateMany({
      where: { id: indicatorId, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new StaleEdit(before);
    await tx.indicatorDimension.deleteMany({ where: { indicatorId, dimensionId: { in: removed } } });
    await tx.indicatorDimension.createMany({
      data: dimensions.map((d) => ({ indicatorId, dimensionId: d.id })),
      skipDuplicates: true,
    });
    const { dimensions: oldDimensions, _count, ...old } = before;
    await audit(
      tx,
      userId,
      projectId,
      "indicator.update",
      "Indicator",
      indicatorId,
      { ...old, dimensionKeys: oldDimensions.map((d) => d.dimension.key) },
      { ...data, dimensionKeys },
    );
    return tx.indicator.findUniqueOrThrow({ where: { id: indicatorId } });
  });
}

/** Archives (or restores) an indicator: never deleted, so its results and history stay. */
export async function setIndicatorArchived(
  principal: Principal,
  projectId: string,
  indicatorId: string,
  archived: boolean,
) {
  assertCan(principal, "project.edit", projectId);
  const userId = requireUserId(principal);
  return db().$transaction(async (tx) => {
    const before = await tx.indicator.findFirst({ where: { id: indicatorId, projectId } });
    if (!before) throw new EditRefused("indicatorId", "unknown");
    const after = await tx.indicator.update({
      where: { id: indicatorId },
      data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
    });
    await audit(
      tx,
      userId,
      projectId,
      archived ? "indicator.archive" : "indicator.restore",
      "Indicator",
      indicatorId,
      {
        archivedAt: before.archivedAt,
      },
      { archivedAt: after.archivedAt },
    );
    return after;
  });
}

/** Moves an indicator one place up or down among its result's indicators. */
export async function moveIndicator(principal: Principal, projectId: string, indicatorId: string, step: -1 | 1) {
  assertCan(principal, "project.edit", projectId);
  const userId = requireUserId(principal);
  return db().$transaction(async (tx) => {
    const indicator = await tx.indicator.findFirst({ where: { id: indicatorId, projectId } });
    if (!indicator) throw new EditRefused("indicatorId", "unknown");
    const siblings = await tx.indicator.findMany({
      where: { resultNodeId: indicator.resultNodeId },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    });
    const from = siblings.findIndex((s) => s.id === indicatorId);
    const to = from + step;
    if (to < 0 || to >= siblings.length) return;
    const order = [...siblings];
    const [moved] = order.splice(from, 1);
    if (moved) order.splice(to, 0, moved);
    for (const [sortOrder, s] of order.entries()) {
      if (s.sortOrder !== sortOrder) await tx.indicator.update({ where: { id: s.id }, data: { sortOrder } });
    }
    await audit(
      tx,
      userId,
      projectId,
      "indicator.reorder",
      "Indicator",
      indicatorId,
      { position: from },
      { position: to },
    );
  });
}

// ---------- the disaggregation catalogue ----------

/**
 * Adds a custom disaggregation (e.g. "Displacement status") to the project, for its indicators. It
 * belongs to the project: nothing done here changes another project's breakdowns or labels. Keys are
 * unique among the dimensions the project may use (its own and the shared catalogue's).
 */
export async function addCustomDimension(
  principal: Principal,
  projectId: string,
  input: z.input<typeof customDimensionSchema>,
) {
  assertCan(principal, "project.edit", projectId);
  const userId = requireUserId(principal);
  const data = customDimensionSchema.parse(input);
  return db().$transaction(async (tx) => {
    if ((await usableDimensions(tx, projectId, [data.key])).size) throw new EditRefused("key", "duplicate");
    const dimension = await tx.disaggregationDimension.create({
      data: {
        projectId,
        key: data.key,
        name: data.name,
        isCustom: true,
        options: { create: data.options.map((o, sortOrder) => ({ ...o, sortOrder })) },
      },
    });
    await audit(tx, userId, projectId, "dimension.create", "DisaggregationDimension", dimension.id, undefined, data);
    return dimension;
  });
}
