import "server-only";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, ForbiddenError, type Principal, placesWhere, requireUserId } from "@/lib/domain/permissions";
import { approvedAt, partnerApprovalCleared, reviewRefusal, reviewStage } from "@/lib/domain/results/review-stage";
import { type FieldProblem, hasNoFigure, resultProblems } from "@/lib/domain/validation/result-rules";
import type { ResultInput } from "@/lib/domain/validation/results";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";
import { removeValueFiles } from "@/lib/server/evidence/service";
import { awaitsPartner, partnerReview } from "@/lib/server/partners/sites";
import { deliverSoon } from "@/lib/server/webhooks/delivery";
import { enqueueResultsEvent, enqueueReviewEvents } from "@/lib/server/webhooks/events";
import { lockCells, lockProjectResultsShared } from "./locks";
import { partsOverTotals } from "./parts-check";
import { mailReturned, mailSubmitted } from "./review-mail";

export type ItemProblem = FieldProblem & { index: number };

/** An invalid batch: every problem by item and field; nothing was saved. */
export class BatchProblems extends DomainError {
  constructor(readonly problems: ItemProblem[]) {
    // The results API names its fields from the body's root ("items.0.value"), as it always has.
    super("validation", {
      detail: "The batch was not saved",
      fields: problems.map((p) => ({ field: `items.${p.index}.${p.field}`, code: p.code })),
      message: `${problems.length} problem(s) in the batch`,
    });
    this.name = "BatchProblems";
  }
}

/** Someone else changed a result since it was read: their version is returned, nothing is overwritten. */
export class VersionConflict extends DomainError {
  constructor(
    readonly index: number,
    readonly current: {
      id: string;
      version: number;
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      status: string;
    },
  ) {
    const { id, version, value, numerator, denominator, status } = current;
    super("stale", {
      detail: "Changed by someone else since it was read",
      fields: [{ field: `items.${index}.version`, code: "stale" }],
      extra: { current: { id, version, value, numerator, denominator, status } },
      message: "The result was changed by someone else",
    });
    this.name = "VersionConflict";
  }
}

const figureOf = (r: {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  textValue: string | null;
  status: string;
}) => ({
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  sampleSize: r.sampleSize,
  textValue: r.textValue,
  status: r.status,
});

/**
 * Saves a batch of results as drafts, or submits them for review, all or nothing. New results are
 * created; existing ones (same indicator, period or round, location and option) are updated only when
 * the caller names the version it read, and only while they are drafts or returned. The written
 * results; blank items (see saveSheet) are not among them.
 */
export async function saveResults(principal: Principal, projectId: string, items: ResultInput[], submit: boolean) {
  // The API's batch save: the project's evaluators and managers only (partners enter through the grid).
  assertCan(principal, "results.enter", projectId);
  return (await saveSheet(principal, projectId, items, submit)).saved;
}

/**
 * saveResults, saying also what was cleared. An item with no figure at all (a blank cell) means "no
 * value": it is never refused as incomplete and never saved as zero. With no saved value in its cell it
 * changes nothing; a saved draft or returned value in its cell is deleted (the caller names the version
 * it read, as for any change; audited as result.delete) with its evidence files, which were never
 * approved: kept on the period or round, they would be shown to every reader as the period's. A submitted or approved value is never deleted by clearing: the batch is refused (notEditable).
 * A partner's member enters at the partner's sites only: an item elsewhere refuses the whole batch
 * (locationId: notYourSite).
 */
export async function saveSheet(principal: Principal, projectId: string, items: ResultInput[], submit: boolean) {
  const places = placesWhere(principal, "results.enter", projectId);
  if (places !== "all" && places.length === 0) throw new ForbiddenError("results.enter");
  const userId = requireUserId(principal);
  const prisma = db();
  const project = await prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      periods: { select: { id: true, lockedAt: true } },
      surveyRounds: { select: { id: true } },
      locations: { select: { locationId: true } },
      indicators: {
        where: { archivedAt: null, composedFromId: null },
        select: {
          id: true,
          measure: true,
          unit: true,
          minValue: true,
          maxValue: true,
          wholeNumbers: true,
          source: true,
          dimensions: { select: { dimension: { select: { id: true, options: { select: { id: true } } } } } },
        },
      },
    },
  });
  const projectRules = {
    periodIds: new Set(project.periods.map((p) => p.id)),
    roundIds: new Set(project.surveyRounds.map((r) => r.id)),
    locationIds: new Set(project.locations.map((l) => l.locationId)),
  };
  const locked = new Set(project.periods.filter((p) => p.lockedAt).map((p) => p.id));
  const problems: ItemProblem[] = [];
  for (const [index, item] of items.entries()) {
    if (places !== "all" && !places.includes(item.locationId))
      problems.push({ index, field: "locationId", code: "notYourSite" });
    const indicator = project.indicators.find((i) => i.id === item.indicatorId);
    if (!indicator) {
      problems.push({ index, field: "indicatorId", code: "unknown" });
      continue;
    }
    const optionIds = new Set(indicator.dimensions.flatMap((d) => d.dimension.options.map((o) => o.id)));
    for (const p of resultProblems(item, { ...indicator, optionIds }, projectRules)) {
      // A blank cell is checked for where it is, never for the figures it does not have.
      if (hasNoFigure(item) && !["indicatorId", "periodId", "roundId", "locationId", "optionId"].includes(p.field))
        continue;
      problems.push({ index, ...p });
    }
    if (item.periodId && locked.has(item.periodId)) problems.push({ index, field: "periodId", code: "locked" });
  }
  if (problems.length) throw new BatchProblems(problems);

  const status = submit ? "SUBMITTED" : "DRAFT";
  const keyOf = (item: ResultInput) => ({
    indicatorId: item.indicatorId,
    periodId: item.periodId ?? null,
    roundId: item.roundId ?? null,
    locationId: item.locationId,
    optionId: item.optionId ?? null,
  });
  const saved = await prisma.$transaction(async (tx) => {
    await lockProjectResultsShared(tx, projectId);
    // Locks are checked again under the project's lock: a period locked after the check above (whose
    // lock waits for this save, or this save for it) refuses the batch instead of receiving values.
    const nowLocked = await tx.reportingPeriod.findMany({
      where: { projectId, lockedAt: { not: null }, id: { in: items.flatMap((i) => (i.periodId ? [i.periodId] : [])) } },
      select: { id: true },
    });
    if (nowLocked.length) {
      const ids = new Set(nowLocked.map((p) => p.id));
      throw new BatchProblems(
        items.flatMap((item, index) =>
          item.periodId && ids.has(item.periodId) ? [{ index, field: "periodId", code: "locked" }] : [],
        ),
      );
    }
    // Two first saves of the same cell must not both insert: serialise them on the cells' keys, taken
    // in sorted order so that batches naming the same cells in opposite orders cannot deadlock.
    await lockCells(
      tx,
      items.map((item) => JSON.stringify(keyOf(item))),
    );
    const written = [];
    const cleared: string[] = [];
    for (const [index, item] of items.entries()) {
      const key = keyOf(item);
      if (hasNoFigure(item)) {
        const existing = await tx.result.findFirst({ where: key });
        if (!existing) continue;
        if (existing.status !== "DRAFT" && existing.status !== "RETURNED") {
          throw new BatchProblems([{ index, field: "version", code: `notEditable:${existing.status}` }]);
        }
        if (item.version === undefined || item.version !== existing.version) throw new VersionConflict(index, existing);
        await removeValueFiles(tx, projectId, existing.id, userId);
        const deleted = await tx.result.deleteMany({ where: { id: existing.id, version: existing.version } });
        if (deleted.count === 0) throw new VersionConflict(index, existing);
        await recordAudit(tx, {
          action: "result.delete",
          entityType: "Result",
          entityId: existing.id,
          projectId,
          actorUserId: userId,
          before: figureOf(existing),
          comment: "cleared",
        });
        cleared.push(existing.id);
        continue;
      }
      const data = {
        value: item.value ?? null,
        numerator: item.numerator ?? null,
        denominator: item.denominator ?? null,
        sampleSize: item.sampleSize ?? null,
        weightSum: item.weightSum ?? null,
        textValue: item.textValue ?? null,
        note: item.note ?? "",
        evidenceUrl: item.evidenceUrl ?? null,
        status,
        updatedById: userId,
        submittedAt: submit ? new Date() : null,
        ...partnerApprovalCleared,
      } satisfies Prisma.ResultUncheckedUpdateInput;
      const existing = await tx.result.findFirst({ where: key });
      if (!existing) {
        const created = await tx.result.create({ data: { ...key, ...data, createdById: userId } });
        await recordAudit(tx, {
          action: submit ? "result.submit" : "result.create",
          entityType: "Result",
          entityId: created.id,
          projectId,
          actorUserId: userId,
          after: figureOf(created),
        });
        written.push(created);
        continue;
      }
      if (item.version === undefined || item.version !== existing.version) throw new VersionConflict(index, existing);
      if (existing.status !== "DRAFT" && existing.status !== "RETURNED") {
        throw new BatchProblems([{ index, field: "version", code: `notEditable:${existing.status}` }]);
      }
      // The version in the WHERE clause makes a concurrent save lose the race instead of overwriting.
      const updated = await tx.result.updateMany({
        where: { id: existing.id, version: existing.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new VersionConflict(index, existing);
      const after = await tx.result.findUniqueOrThrow({ where: { id: existing.id } });
      await recordAudit(tx, {
        action: submit ? "result.submit" : "result.update",
        entityType: "Result",
        entityId: existing.id,
        projectId,
        actorUserId: userId,
        before: figureOf(existing),
        after: figureOf(after),
      });
      written.push(after);
    }
    if (submit) {
      // Checked on the cells as they stand after the batch's writes, saved values of the same place too.
      const excesses = await partsOverTotals(tx, project.indicators, items);
      if (excesses.length)
        throw new BatchProblems(excesses.map(({ index }) => ({ index, field: "value", code: "partsOverTotal" })));
    }
    // "results.submitted", committed with the values; sent once they are.
    const deliveries = submit
      ? await enqueueResultsEvent(
          tx,
          projectId,
          "results.submitted",
          written.map((r) => r.id),
        )
      : [];
    return { saved: written, cleared, deliveries };
  });
  deliverSoon(saved.deliveries);
  if (submit && saved.saved.length)
    void mailSubmitted(
      projectId,
      userId,
      saved.saved.map((r) => r.locationId),
    );
  return { saved: saved.saved, cleared: saved.cleared };
}

export type ReviewDecision = { resultId: string; version: number; decision: "approve" | "return"; comment?: string };

/**
 * Approves or returns values waiting for review, all or nothing; a return needs a comment. The project's
 * reviewers ("results.review") decide at the project's level; in a project with two-level approval a
 * value submitted at a partner's site is first approved (PARTNER_APPROVED) or returned by that partner's
 * reviewer, and the project's reviewer may return it then but not approve it (awaitsPartner) until the
 * partner did (lib/domain/results/review-stage.ts), nor approve one they approved for the partner
 * themselves (sameReviewer). A decision names the version read: another is stale, and a value away from a
 * partner reviewer's sites is unknown to them. Only a final approval announces "results.approved".
 */
export async function reviewResults(principal: Principal, projectId: string, decisions: ReviewDecision[]) {
  const reviewsProject = placesWhere(principal, "results.review", projectId) === "all";
  const partnerPlaces = placesWhere(principal, "results.reviewPartner", projectId);
  if (!reviewsProject && partnerPlaces.length === 0) throw new ForbiddenError("results.review");
  const reviewsPartnerAt = (locationId: string) => partnerPlaces === "all" || partnerPlaces.includes(locationId);
  const userId = requireUserId(principal);
  const reviewed = await db().$transaction(async (tx) => {
    const problems: ItemProblem[] = [];
    const partners = await partnerReview(projectId, tx);
    const rows = await Promise.all(
      decisions.map((d) => tx.result.findFirst({ where: { id: d.resultId, indicator: { projectId } } })),
    );
    const stages = rows.map((row) => (row ? reviewStage(row.status, awaitsPartner(partners, row.locationId)) : null));
    const refusalOf = (index: number, d: ReviewDecision): FieldProblem | null => {
      const row = rows[index];
      const stage = stages[index];
      // A partner's reviewer learns nothing of a value away from the partner's sites, not even its status.
      if (!row || (!reviewsProject && !reviewsPartnerAt(row.locationId)))
        return { field: "indicatorId", code: "unknown" };
      // The stage is judged on this row, so the caller must have read this very row; the write below
      // takes it only as it is (version and status), never a value returned and submitted again meanwhile.
      if (d.version !== row.version) throw new VersionConflict(index, row);
      if (!stage) return { field: "version", code: `notSubmitted:${row.status}` };
      const who = {
        reviewsProject,
        reviewsPartnerHere: reviewsPartnerAt(row.locationId),
        approvedForPartner: row.partnerReviewedById === userId,
      };
      const refusal = reviewRefusal(stage, d.decision, who);
      return refusal && { field: refusal === "notYourSite" ? "locationId" : "version", code: refusal };
    };
    for (const [index, d] of decisions.entries()) {
      const refusal = refusalOf(index, d);
      if (refusal) problems.push({ index, ...refusal });
      if (d.decision === "return" && !d.comment?.trim())
        problems.push({ index, field: "note", code: "commentRequired" });
    }
    if (problems.length) throw new BatchProblems(problems);
    const reviewed = [];
    const approved: string[] = [];
    for (const [index, d] of decisions.entries()) {
      const row = rows[index];
      const stage = stages[index];
      if (!row || !stage) continue;
      const status = d.decision === "approve" ? approvedAt(stage) : "RETURNED";
      const now = new Date();
      const byPartner = status === "PARTNER_APPROVED";
      const updated = await tx.result.updateMany({
        where: { id: row.id, version: row.version, status: row.status },
        data: {
          status,
          reviewComment: d.comment ?? null,
          // Who approved for the partner is kept beside who reviewed last (also in the value's history).
          ...(byPartner
            ? { partnerReviewedById: userId, partnerReviewedAt: now }
            : { reviewedById: userId, reviewedAt: now }),
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw new VersionConflict(index, row);
      await recordAudit(tx, {
        action: byPartner ? "result.partnerApprove" : `result.${d.decision}`,
        entityType: "Result",
        entityId: row.id,
        projectId,
        actorUserId: userId,
        before: { status: row.status },
        after: { status },
        comment: d.comment,
      });
      if (status === "APPROVED") approved.push(row.id);
      reviewed.push(row.id);
    }
    // One delivery per subscribed webhook, committed with the decisions; sent once they are. A partner's
    // approval announces nothing: the value is not approved until the project's reviewer says so.
    const deliveries = await enqueueReviewEvents(tx, projectId, {
      approved,
      returned: decisions.filter((d) => d.decision === "return").map((d) => d.resultId),
    });
    const forwarded = rows.flatMap((row, index) =>
      row && stages[index] === "partner" && decisions[index]?.decision === "approve" ? [row.locationId] : [],
    );
    return { reviewed, deliveries, forwarded };
  });
  deliverSoon(reviewed.deliveries);
  const returned = decisions.filter((d) => d.decision === "return").map((d) => d.resultId);
  void mailReturned(projectId, userId, returned);
  // Values a partner approved now wait for the project's reviewers, who are told as of a submission.
  if (reviewed.forwarded.length) void mailSubmitted(projectId, userId, reviewed.forwarded, { forwarded: true });
  return reviewed.reviewed;
}
