// Population figures of places (#34, reach against need): people in need or population from a dated
// source, read by the roll-up and the project dashboard for coverage (lib/domain/population). A signed-in
// user reads the countries' figures and those of the places of projects they may read; admins and M&E
// leads keep them for any place, a project's manager for the project's places below the country level
// (mayKeepPopulation).
import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { can, ForbiddenError, type Principal, requireUserId } from "@/lib/domain/permissions";
import { mayKeepPopulation, populationKinds } from "@/lib/domain/population";
import { calendarDay } from "@/lib/domain/validation/dates";
import { type NumberLocale, readTypedNumber } from "@/lib/domain/validation/numbers";
import { webAddress } from "@/lib/domain/validation/web-address";
import { db } from "@/lib/platform/db";
import { readableProjectsWhere } from "@/lib/server/access/scoped-list";
import { recordAudit } from "@/lib/server/audit/record";

/** The most people a figure may hold (the database column is a 32-bit integer; India is 1.4 billion). */
const MAX_PEOPLE = 2_000_000_000;

/** A number as typed in the reader's locale ("2,900,000", "2.900.000", "31,5"); null when empty. */
const typedNumber = (locale: NumberLocale) =>
  z
    .union([z.number(), z.string()])
    .nullish()
    .transform((v, ctx) => {
      if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return null;
      const n = typeof v === "number" ? v : readTypedNumber(v, locale);
      if (typeof n !== "number") {
        ctx.addIssue({ code: "custom", message: n === "ambiguous" ? "ambiguous" : "notANumber" });
        return z.NEVER;
      }
      return n;
    });

/** A figure as a form or the API sends it, numbers read in the reader's locale. */
export const populationInput = (locale: NumberLocale = "en") =>
  z
    .object({
      locationId: z.string().trim().min(1, "required"),
      kind: z.enum(populationKinds, "required"),
      value: typedNumber(locale)
        .refine((v) => v !== null, "required")
        .refine((v) => v === null || (Number.isInteger(v) && v >= 0), "wholePeople")
        .refine((v) => v === null || v <= MAX_PEOPLE, "tooLarge"),
      sharePercent: typedNumber(locale).refine((v) => v === null || (v > 0 && v <= 100), "share"),
      periodStart: calendarDay,
      periodEnd: calendarDay,
      source: z.string().trim().min(1, "required").max(300, "tooLong"),
      sourceUrl: z
        .union([z.literal(""), webAddress])
        .nullish()
        .transform((v) => v || null),
    })
    .refine((f) => f.periodEnd >= f.periodStart, {
      path: ["periodEnd"],
      message: "endBeforeStart",
      // Only when both dates are days (a refused one has its own message).
      when: (payload) => payload.issues.length === 0,
    });

export type PopulationInput = z.input<ReturnType<typeof populationInput>>;

/** The projects (not archived) that work in each of these places, by place. */
async function projectsOfPlaces(placeIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db().projectLocation.findMany({
    where: { locationId: { in: placeIds }, project: { archivedAt: null } },
    select: { locationId: true, projectId: true },
  });
  const byPlace = new Map<string, string[]>();
  for (const r of rows) byPlace.set(r.locationId, [...(byPlace.get(r.locationId) ?? []), r.projectId]);
  return byPlace;
}

const placeSelect = { id: true, name: true, level: true, isoCode: true, parent: { select: { name: true } } } as const;

/** Refuses a caller who may not keep this place's figures (an unknown place: as a country, keepers only). */
async function assertMayKeep(principal: Principal, locationId: string) {
  const place = await db().location.findUnique({ where: { id: locationId }, select: { level: true } });
  const projectIds = (await projectsOfPlaces([locationId])).get(locationId) ?? [];
  if (!mayKeepPopulation(principal, { level: place?.level ?? "COUNTRY", projectIds }))
    throw new ForbiddenError("population.manage");
}

/** "Peru › Tumbes" for a place under another, the name alone for a country. */
const placeLabel = (p: { name: string; parent: { name: string } | null }) =>
  p.parent ? `${p.parent.name} › ${p.name}` : p.name;

/**
 * The population page: the countries' figures and those of the places of projects the caller may read
 * (newest period first within each place), whether the caller may edit each, who entered it (the name,
 * only to those who may keep it), and the places the caller may add figures for (all countries and the
 * projects' places for admins and M&E leads; the places below the country level of the projects they
 * manage for a manager). Null for a donor link.
 */
export async function populationPage(principal: Principal) {
  if (principal.kind !== "user") return null;
  const figures = await db().populationFigure.findMany({
    where: {
      location: {
        OR: [
          { level: "COUNTRY" },
          { projects: { some: { project: { AND: [{ archivedAt: null }, readableProjectsWhere(principal)] } } } },
        ],
      },
    },
    include: { location: { select: placeSelect }, enteredBy: { select: { name: true } } },
    orderBy: [{ location: { name: "asc" } }, { kind: "asc" }, { periodStart: "desc" }],
  });
  const projectsOf = await projectsOfPlaces([...new Set(figures.map((f) => f.locationId))]);
  const keeper = can(principal, "population.manage");
  const projectPlaces = await db().projectLocation.findMany({
    where: { project: { archivedAt: null } },
    select: { projectId: true, location: { select: placeSelect } },
  });
  const countries = keeper ? await db().location.findMany({ where: { level: "COUNTRY" }, select: placeSelect }) : [];
  const places = new Map<string, { id: string; label: string }>();
  for (const p of countries) places.set(p.id, { id: p.id, label: placeLabel(p) });
  for (const { projectId, location } of projectPlaces)
    if (mayKeepPopulation(principal, { level: location.level, projectIds: [projectId] }))
      places.set(location.id, { id: location.id, label: placeLabel(location) });
  return {
    figures: figures.map(({ enteredBy, ...f }) => {
      const mayEdit = mayKeepPopulation(principal, {
        level: f.location.level,
        projectIds: projectsOf.get(f.locationId) ?? [],
      });
      return { ...f, placeLabel: placeLabel(f.location), mayEdit, enteredBy: mayEdit ? enteredBy : null };
    }),
    places: [...places.values()].sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** Adds a figure (no id) or changes one; refuses a place the caller does not keep, before and after. */
export async function savePopulationFigure(
  principal: Principal,
  input: PopulationInput,
  options: { id?: string; locale?: NumberLocale } = {},
) {
  const actorUserId = requireUserId(principal);
  const data = populationInput(options.locale).parse(input);
  const before = options.id ? await db().populationFigure.findUnique({ where: { id: options.id } }) : null;
  if (options.id && !before) throw new DomainError("notFound");
  if (before) await assertMayKeep(principal, before.locationId);
  // Who may keep it first: a place no project works in (or none at all) is for admins and M&E leads only,
  // so nobody else learns whether a place exists.
  await assertMayKeep(principal, data.locationId);
  if (!(await db().location.findUnique({ where: { id: data.locationId }, select: { id: true } })))
    throw new DomainError("validation", { fields: [{ field: "body.locationId", code: "unknownPlace" }] });
  const value = data.value as number;
  return db().$transaction(async (tx) => {
    const saved = before
      ? await tx.populationFigure.update({ where: { id: before.id }, data: { ...data, value } })
      : await tx.populationFigure.create({ data: { ...data, value, enteredById: actorUserId } });
    await recordAudit(tx, {
      action: before ? "population.update" : "population.create",
      entityType: "PopulationFigure",
      entityId: saved.id,
      actorUserId,
      ...(before ? { before } : {}),
      after: saved,
    });
    return saved;
  });
}

/** Deletes a figure the caller keeps. */
export async function deletePopulationFigure(principal: Principal, id: string) {
  const actorUserId = requireUserId(principal);
  const before = await db().populationFigure.findUnique({ where: { id } });
  if (!before) throw new DomainError("notFound");
  await assertMayKeep(principal, before.locationId);
  await db().$transaction(async (tx) => {
    await tx.populationFigure.delete({ where: { id } });
    await recordAudit(tx, {
      action: "population.delete",
      entityType: "PopulationFigure",
      entityId: id,
      actorUserId,
      before,
    });
  });
}

/** The figures of these places (for coverage), by place; a place without any is absent. */
export async function populationFiguresOf(placeIds: string[]) {
  const rows = placeIds.length
    ? await db().populationFigure.findMany({ where: { locationId: { in: [...new Set(placeIds)] } } })
    : [];
  const byPlace = new Map<string, typeof rows>();
  for (const r of rows) byPlace.set(r.locationId, [...(byPlace.get(r.locationId) ?? []), r]);
  return byPlace;
}

/** The names of these places, by id. */
export async function placeNames(ids: string[]) {
  const rows = ids.length
    ? await db().location.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type StoredPopulationFigure = NonNullable<
  ReturnType<Awaited<ReturnType<typeof populationFiguresOf>>["get"]>
>[number];
