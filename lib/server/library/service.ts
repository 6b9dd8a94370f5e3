// The organisation's indicator library (#34): admins and M&E leads keep organisation-standard indicators
// ("library.manage"); a project's manager links the project's indicators to them ("project.edit"), each
// link checked by lib/domain/library/link-check.ts; everyone signed in reads the library, and sees only
// the projects they may open among those that report an indicator.
import "server-only";
import { localizeDimension } from "@/lib/domain/catalogue/names";
import type { Measure } from "@/lib/domain/engine/types";
import { DomainError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/domain/i18n/config";
import { type LibraryIndicatorInput, libraryIndicatorInput } from "@/lib/domain/library/input";
import {
  type CatalogueOptions,
  type LinkedIndicatorSpec,
  linkProblems,
  type OptionMapping,
  rollupRulesFor,
} from "@/lib/domain/library/link-check";
import { measures } from "@/lib/domain/measures";
import { assertCan, can, type Principal, requireUserId } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Db, db, type Tx } from "@/lib/platform/db";
import { refusingDuplicates } from "@/lib/platform/db/unique-violation";
import { allOf, type Page, pageOf, pageQuery, readableProjectsWhere } from "@/lib/server/access/scoped-list";
import { recordAudit } from "@/lib/server/audit/record";

export { type LibraryIndicatorInput, libraryIndicatorInput } from "@/lib/domain/library/input";

/** The shared catalogue's options of these dimension keys (a key the catalogue lacks is absent). */
export async function catalogueOptions(client: Db | Tx, keys: string[]): Promise<CatalogueOptions> {
  const dimensions = await client.disaggregationDimension.findMany({
    where: { projectId: null, key: { in: keys } },
    include: { options: { orderBy: { sortOrder: "asc" } } },
  });
  return Object.fromEntries(dimensions.map((d) => [d.key, d.options.map((o) => o.key)]));
}

/** Adds an indicator to the library; refuses a rule its measure cannot have, a dimension not in the catalogue, a code in use. */
export async function createLibraryIndicator(principal: Principal, input: LibraryIndicatorInput) {
  assertCan(principal, "library.manage");
  const actorUserId = requireUserId(principal);
  const data = libraryIndicatorInput.parse(input);
  const rules = rollupRulesFor(data.measure);
  const rollupRule = data.rollupRule ?? rules[0]!;
  const fields: { field: string; code: string }[] = [];
  if (!rules.includes(rollupRule)) fields.push({ field: "body.rollupRule", code: "ruleNotForMeasure" });
  const dimensionKeys = [...new Set(data.dimensionKeys)];
  const catalogue = await catalogueOptions(db(), dimensionKeys);
  for (const key of dimensionKeys)
    if (!catalogue[key]) fields.push({ field: "body.dimensionKeys", code: "unknownDimension" });
  if (await db().libraryIndicator.findUnique({ where: { code: data.code } }))
    fields.push({ field: "body.code", code: "codeTaken" });
  if (fields.length) throw new DomainError("validation", { fields });
  // Two creates of one code at once both find it free: the second is told it is taken.
  return refusingDuplicates(
    () =>
      db().$transaction(async (tx) => {
        const created = await tx.libraryIndicator.create({ data: { ...data, dimensionKeys, rollupRule } });
        await recordAudit(tx, {
          action: "library.create",
          entityType: "LibraryIndicator",
          entityId: created.id,
          actorUserId,
          after: created,
        });
        return created;
      }),
    () => new DomainError("validation", { fields: [{ field: "body.code", code: "codeTaken" }] }),
  );
}

/** What the library form offers an admin or M&E lead: the shared catalogue's dimensions, in the reader's language. */
export async function libraryFormOptions(principal: Principal, locale: Locale) {
  assertCan(principal, "library.manage");
  const dimensions = await db().disaggregationDimension.findMany({
    where: { projectId: null },
    orderBy: { name: "asc" },
  });
  return {
    measures,
    dimensions: dimensions.map((d) => localizeDimension(d, locale)).map((d) => ({ key: d.key, name: d.name })),
  };
}

/** The links of a library indicator the caller may see: live indicators of live projects they may open. */
const readableLinks = (principal: Principal) =>
  ({
    where: {
      indicator: { archivedAt: null, project: allOf(readableProjectsWhere(principal), { archivedAt: null }) },
    },
    select: { indicator: { select: { projectId: true } } },
  }) as const;

const withProjectCount = <R extends { links: { indicator: { projectId: string } }[] }>({ links, ...row }: R) => ({
  ...row,
  projectCount: new Set(links.map((l) => l.indicator.projectId)).size,
});

/** The library (archived indicators last), each with how many projects the caller may open report it. */
export async function listLibrary(principal: Principal) {
  if (principal.kind !== "user") return [];
  const rows = await db().libraryIndicator.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { code: "asc" }],
    include: { links: readableLinks(principal) },
  });
  return rows.map(withProjectCount);
}

/** One page of the library by id (the API's list), archived indicators only when asked for. */
export async function libraryPage(principal: Principal, page: Page & { archived?: boolean }) {
  if (principal.kind !== "user") return { items: [], nextCursor: null };
  const rows = await db().libraryIndicator.findMany({
    ...pageQuery<Prisma.LibraryIndicatorWhereInput>({}, [!page.archived && { archivedAt: null }], page),
    include: { links: readableLinks(principal) },
  });
  return pageOf(rows.map(withProjectCount), page.limit);
}

/**
 * One library indicator and every project that reports it among those the caller may open, with the
 * linked indicator and its option mappings; null when it does not exist or the caller is a donor link.
 */
export async function libraryIndicatorView(principal: Principal, id: string) {
  if (principal.kind !== "user") return null;
  const row = await db().libraryIndicator.findUnique({
    where: { id },
    include: {
      links: {
        where: {
          indicator: { archivedAt: null, project: allOf(readableProjectsWhere(principal), { archivedAt: null }) },
        },
        include: {
          indicator: {
            select: {
              id: true,
              code: true,
              title: true,
              unit: true,
              project: { select: { id: true, code: true, name: true, archivedAt: true } },
            },
          },
          options: { include: { projectOption: { select: { id: true, key: true, name: true } } } },
        },
      },
    },
  });
  if (!row) return null;
  const { links, ...indicator } = row;
  return {
    indicator,
    canManage: can(principal, "library.manage"),
    projects: links
      .map((l) => ({
        project: l.indicator.project,
        indicator: { id: l.indicator.id, code: l.indicator.code, title: l.indicator.title, unit: l.indicator.unit },
        options: l.options.map((o) => ({
          dimensionKey: o.dimensionKey,
          optionKey: o.optionKey,
          option: o.projectOption,
        })),
        linkedAt: l.linkedAt,
      }))
      .sort((a, b) => a.project.code.localeCompare(b.project.code) || a.indicator.code.localeCompare(b.indicator.code)),
  };
}

/**
 * Links a project's indicator to a library indicator, replacing any link it had, with the option
 * mappings given; refused with every problem found (nothing is written) when the link does not fit.
 */
export async function linkIndicator(
  principal: Principal,
  projectId: string,
  indicatorId: string,
  libraryIndicatorId: string,
  mappings: OptionMapping[],
): Promise<void> {
  assertCan(principal, "project.edit", projectId);
  const actorUserId = requireUserId(principal);
  await db().$transaction((tx) => writeLink(tx, actorUserId, projectId, indicatorId, libraryIndicatorId, mappings));
}

/**
 * The link's check and write inside the caller's transaction (linking, and creating an indicator from the
 * library, which links it in the same transaction); the caller has checked "project.edit".
 */
export async function writeLink(
  tx: Tx,
  actorUserId: string,
  projectId: string,
  indicatorId: string,
  libraryIndicatorId: string,
  mappings: OptionMapping[],
): Promise<void> {
  const indicator = await tx.indicator.findFirst({
    where: { id: indicatorId, projectId },
    include: { dimensions: { include: { dimension: { include: { options: { select: { id: true } } } } } } },
  });
  if (!indicator) throw new DomainError("notFound");
  const library = await tx.libraryIndicator.findUnique({ where: { id: libraryIndicatorId } });
  if (!library)
    throw new DomainError("validation", {
      fields: [{ field: "body.libraryIndicatorId", code: "unknownLibraryIndicator" }],
    });
  const problems = await problemsOf(
    tx,
    library,
    {
      measure: indicator.measure,
      unit: indicator.unit,
      archived: !!indicator.archivedAt,
      options: indicator.dimensions.flatMap((d) =>
        d.dimension.options.map((o) => ({ id: o.id, dimensionId: d.dimensionId, dimensionKey: d.dimension.key })),
      ),
    },
    mappings,
  );
  // A project reports a library indicator through one indicator: two would be summed as two.
  const other = await tx.libraryLink.findFirst({
    where: { projectId, libraryIndicatorId, NOT: { indicatorId } },
    select: { indicator: { select: { code: true } } },
  });
  const fields = problems.map((p) => ({ field: `body.${p.field}`, code: p.code }));
  // The link check's own reason against this choice (a measure or unit that differs, an archived one)
  // comes first: it holds whatever else the project links.
  const choiceRefused = problems.some((p) => p.field === "libraryIndicatorId" || p.field === "indicatorId");
  if (other && !choiceRefused) fields.push({ field: "body.libraryIndicatorId", code: "alreadyLinkedInProject" });
  const detail = (code: string) => `Indicator ${code} of this project already reports ${library.code}`;
  if (fields.length)
    throw new DomainError("validation", { detail: other ? detail(other.indicator.code) : undefined, fields });
  const before = await tx.libraryLink.findUnique({ where: { indicatorId }, include: { options: true } });
  if (before) await tx.libraryLink.delete({ where: { indicatorId } });
  // Two links written at once (of this indicator, or of two indicators of the project): the loser is told.
  await refusingDuplicates(
    () =>
      tx.libraryLink.create({
        data: { indicatorId, projectId, libraryIndicatorId, linkedById: actorUserId, options: { create: mappings } },
      }),
    () =>
      new DomainError("validation", {
        detail: `Another link to ${library.code} of this project was saved at the same time`,
        fields: [{ field: "body.libraryIndicatorId", code: "alreadyLinkedInProject" }],
      }),
  );
  await recordAudit(tx, {
    action: "library.link",
    entityType: "Indicator",
    entityId: indicatorId,
    projectId,
    actorUserId,
    ...(before ? { before: { libraryIndicatorId: before.libraryIndicatorId, options: before.options } } : {}),
    after: { libraryIndicatorId, options: mappings },
  });
}

type LibraryRow = { code: string; measure: Measure; unit: string; dimensionKeys: string[]; archivedAt: Date | null };

/** The link check of a library indicator against an indicator as it is, or as an edit would leave it. */
async function problemsOf(tx: Tx, library: LibraryRow, indicator: LinkedIndicatorSpec, mappings: OptionMapping[]) {
  const { measure, unit, dimensionKeys, archivedAt } = library;
  return linkProblems(
    { measure, unit, dimensionKeys, archived: !!archivedAt },
    indicator,
    await catalogueOptions(tx, dimensionKeys),
    mappings,
  );
}

/**
 * What an edit of an indicator would break of its stored link (its measure, unit or a mapped
 * disaggregation changed): the library indicator's code and the edit's fields; null when it has no link
 * or the link still fits. The edit's own transaction asks, so a link is never left that does not fit.
 */
export async function linkBrokenByEdit(
  tx: Tx,
  indicatorId: string,
  edited: Omit<LinkedIndicatorSpec, "archived">,
): Promise<{ libraryCode: string; fields: ("measure" | "unit" | "dimensionKeys")[] } | null> {
  const link = await tx.libraryLink.findUnique({
    where: { indicatorId },
    include: { options: true, libraryIndicator: true },
  });
  if (!link) return null;
  const mappings = link.options.map(({ dimensionKey, optionKey, projectOptionId }) => ({
    dimensionKey,
    optionKey,
    projectOptionId,
  }));
  // An archived library indicator keeps its links as they were: only what the edit changes is asked.
  const problems = await problemsOf(
    tx,
    { ...link.libraryIndicator, archivedAt: null },
    { ...edited, archived: false },
    mappings,
  );
  const fields = [
    ...new Set(
      problems.map((p) =>
        p.code === "measureDiffers" ? "measure" : p.code === "unitDiffers" ? "unit" : ("dimensionKeys" as const),
      ),
    ),
  ];
  return fields.length ? { libraryCode: link.libraryIndicator.code, fields } : null;
}

/** Removes a project indicator's link to the library (nothing happens when it had none). */
export async function unlinkIndicator(principal: Principal, projectId: string, indicatorId: string): Promise<void> {
  assertCan(principal, "project.edit", projectId);
  const actorUserId = requireUserId(principal);
  await db().$transaction(async (tx) => {
    const link = await tx.libraryLink.findFirst({ where: { indicatorId, indicator: { projectId } } });
    if (!link) return;
    await tx.libraryLink.delete({ where: { indicatorId } });
    await recordAudit(tx, {
      action: "library.unlink",
      entityType: "Indicator",
      entityId: indicatorId,
      projectId,
      actorUserId,
      before: { libraryIndicatorId: link.libraryIndicatorId },
    });
  });
}
