// The targets grid: life of project, per period or round, overall and per place, and per
// disaggregation option. A batch is saved all or nothing; each changed cell names the version
// (updatedAt) it was read at, so two managers editing the same target cannot overwrite each other.
import "server-only";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import { isEmptyTarget, type TargetCell, type TargetProblem, targetProblems } from "@/lib/domain/projects/schemas";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";

/** Targets that may not be saved, each by its cell and field: nothing was saved. */
export class TargetProblems extends DomainError {
  constructor(readonly problems: TargetProblem[]) {
    super("validation", {
      detail: "The targets were not saved",
      fields: problems.map((p) => ({ field: `body.cells.${p.index}.${p.field}`, code: p.code })),
      message: `${problems.length} problem(s) in the targets`,
    });
    this.name = "TargetProblems";
  }
}

/** A target changed since it was read: `current` is what is saved now, nothing was overwritten. */
export class TargetConflict extends DomainError {
  constructor(
    readonly index: number,
    readonly current: {
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      updatedAt: string;
    } | null,
  ) {
    super("stale", {
      detail: "Changed by someone else since it was read",
      fields: [{ field: `body.cells.${index}.updatedAt`, code: "stale" }],
      extra: { current },
      message: "The target was changed by someone else",
    });
    this.name = "TargetConflict";
  }
}

export async function saveTargets(principal: Principal, projectId: string, cells: TargetCell[]) {
  assertCan(principal, "project.edit", projectId);
  const userId = requireUserId(principal);
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      periods: { select: { id: true } },
      surveyRounds: { select: { id: true } },
      locations: { select: { locationId: true } },
      indicators: {
        select: {
          id: true,
          measure: true,
          dimensions: { select: { dimension: { select: { options: { select: { id: true } } } } } },
        },
      },
    },
  });
  const periods = new Set(project.periods.map((p) => p.id));
  const rounds = new Set(project.surveyRounds.map((r) => r.id));
  const locations = new Set(project.locations.map((l) => l.locationId));
  const problems: TargetProblem[] = [];
  for (const [index, cell] of cells.entries()) {
    const indicator = project.indicators.find((i) => i.id === cell.indicatorId);
    const add = (field: keyof TargetCell, code: string) => {
      problems.push({ index, field, code });
    };
    if (!indicator) {
      add("indicatorId", "unknown");
      continue;
    }
    if (cell.periodId && !periods.has(cell.periodId)) add("periodId", "unknown");
    if (cell.roundId && !rounds.has(cell.roundId)) add("roundId", "unknown");
    if (cell.periodId && cell.roundId) add("roundId", "notBoth");
    if (cell.locationId && !locations.has(cell.locationId)) add("locationId", "unknown");
    const options = new Set(indicator.dimensions.flatMap((d) => d.dimension.options.map((o) => o.id)));
    if (cell.optionId && !options.has(cell.optionId)) add("optionId", "unknown");
    for (const p of targetProblems(cell, indicator.measure)) problems.push({ index, ...p });
  }
  if (problems.length) throw new TargetProblems(problems);

  return db().$transaction(async (tx) => {
    let changed = 0;
    for (const [index, cell] of cells.entries()) {
      const key = {
        indicatorId: cell.indicatorId,
        periodId: cell.periodId ?? null,
        roundId: cell.roundId ?? null,
        locationId: cell.locationId ?? null,
        optionId: cell.optionId ?? null,
      };
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`target:${JSON.stringify(key)}`}))`;
      const existing = await tx.target.findFirst({ where: key });
      const read = cell.updatedAt ?? null;
      if ((existing?.updatedAt.toISOString() ?? null) !== read) {
        throw new TargetConflict(
          index,
          existing && {
            value: existing.value,
            numerator: existing.numerator,
            denominator: existing.denominator,
            updatedAt: existing.updatedAt.toISOString(),
          },
        );
      }
      const data = {
        value: cell.value ?? null,
        numerator: cell.numerator ?? null,
        denominator: cell.denominator ?? null,
        note: cell.note?.trim() ?? "",
      };
      const before = existing && {
        value: existing.value,
        numerator: existing.numerator,
        denominator: existing.denominator,
        note: existing.note,
      };
      if (JSON.stringify(before) === JSON.stringify(data)) continue;
      let id = existing?.id;
      if (isEmptyTarget(cell)) {
        if (!existing) continue;
        await tx.target.delete({ where: { id: existing.id } });
      } else if (existing) {
        await tx.target.update({ where: { id: existing.id }, data });
      } else {
        id = (await tx.target.create({ data: { ...key, ...data } })).id;
      }
      changed++;
      await recordAudit(tx, {
        action: isEmptyTarget(cell) ? "target.delete" : existing ? "target.update" : "target.create",
        entityType: "Target",
        entityId: id ?? "",
        projectId,
        actorUserId: userId,
        before: before ?? undefined,
        after: isEmptyTarget(cell) ? undefined : { ...key, ...data },
      });
    }
    return { changed };
  });
}
