// Evidence files: attached to a value or to a period's or round's report by those who enter results,
// seen by whoever may see that value (viewers: approved values and reports), and by a donor link only
// once a manager shares the file (and its value is approved). Every attach, share and removal is audited.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { DomainError, type DomainErrorOptions, type ErrorCode } from "@/lib/domain/errors";
import { assertCan, can, type Principal, requireUserId } from "@/lib/domain/permissions";
import { isStorableText } from "@/lib/domain/validation/text";
import type { EvidenceTypeRefusal } from "@/lib/formats/read/file-type";
import { type ReadRefusal, ReadRefused, readOffThread } from "@/lib/formats/read/off-thread";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { allOf } from "@/lib/server/access/scoped-list";
import { recordAudit } from "@/lib/server/audit/record";
import { databaseStore, type EvidenceStore } from "./store";

/** The store evidence bytes go to: the database (an object store would be chosen here). */
export const evidenceStore: EvidenceStore = databaseStore(db);

export type EvidenceTarget = { resultId: string } | { periodId: string } | { roundId: string };

export type EvidenceItem = {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  resultId: string | null;
  periodId: string | null;
  roundId: string | null;
  sharedWithDonors: boolean;
  uploadedBy: string | null;
  mine: boolean;
  createdAt: string;
};

/** Why a file was not kept: translated by the page, named in the API's problem. */
export class EvidenceRefused extends DomainError {
  constructor(
    readonly reason:
      | "tooLarge"
      | "projectFull"
      | "fileName"
      | "empty"
      | "unknownTarget"
      | EvidenceTypeRefusal
      | ReadRefusal,
  ) {
    super(...evidenceRefusal(reason));
    this.name = "EvidenceRefused";
  }
}

/** A refused file's code and problem: no such place to attach it (404), too large (413), or not kept (400). */
function evidenceRefusal(reason: EvidenceRefused["reason"]): [ErrorCode, DomainErrorOptions] {
  if (reason === "unknownTarget") return ["notFound", { detail: "No such value, period or round in this project" }];
  if (reason === "tooLarge" || reason === "projectFull") return ["tooLarge", { detail: reason }];
  return ["validation", { detail: `The file was not attached: ${reason}`, fields: [{ field: "body", code: reason }] }];
}

const select = {
  id: true,
  fileName: true,
  mediaType: true,
  size: true,
  resultId: true,
  periodId: true,
  roundId: true,
  sharedWithDonors: true,
  storageKey: true,
  uploadedById: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
  result: { select: { status: true } },
} as const;

type Row = Prisma.EvidenceGetPayload<{ select: typeof select }>;

/** Whether the principal may see this file: as its value, and a donor only what a manager shared. */
function visible(principal: Principal, projectId: string, row: Row): boolean {
  const approved = row.result === null || row.result.status === "APPROVED";
  if (principal.kind === "share") return principal.projectId === projectId && row.sharedWithDonors && approved;
  if (can(principal, "results.readUnapproved", projectId)) return true;
  return can(principal, "project.read", projectId) && approved;
}

function item(principal: Principal, row: Row): EvidenceItem {
  const { storageKey: _, result: __, uploadedBy, uploadedById, createdAt, ...rest } = row;
  return {
    ...rest,
    uploadedBy: principal.kind === "share" ? null : (uploadedBy?.name ?? null),
    mine: principal.kind === "user" && uploadedById === principal.userId,
    createdAt: createdAt.toISOString(),
  };
}

/** Checks that the value, period or round belongs to the project. */
async function targetOf(projectId: string, target: EvidenceTarget) {
  if ("resultId" in target) {
    const found = await db().result.findFirst({
      where: { id: target.resultId, indicator: { projectId } },
      select: { id: true },
    });
    if (!found) throw new EvidenceRefused("unknownTarget");
    return { resultId: found.id };
  }
  if ("periodId" in target) {
    const found = await db().reportingPeriod.findFirst({ where: { id: target.periodId, projectId } });
    if (!found) throw new EvidenceRefused("unknownTarget");
    return { periodId: found.id };
  }
  const found = await db().surveyRound.findFirst({ where: { id: target.roundId, projectId } });
  if (!found) throw new EvidenceRefused("unknownTarget");
  return { roundId: found.id };
}

/**
 * The checks every kept file passes (evidence, a study's documents): a plain name, not empty, under the
 * size cap, and bytes that are what they claim (told, and an office file's zip inspected, in a worker
 * thread, time- and memory-limited). Refuses with EvidenceRefused; answers the name, type and digest.
 */
export async function inspectEvidenceFile(file: { name: string; bytes: Uint8Array }) {
  const fileName = file.name.trim().split(/[\\/]/).at(-1) ?? "";
  if (!fileName || fileName.length > 200 || !isStorableText(fileName)) throw new EvidenceRefused("fileName");
  if (file.bytes.length === 0) throw new EvidenceRefused("empty");
  if (file.bytes.length > env().MAX_EVIDENCE_BYTES) throw new EvidenceRefused("tooLarge");
  const inspected = await readOffThread("evidence", { name: fileName, bytes: file.bytes }).catch((error) => {
    throw error instanceof ReadRefused ? new EvidenceRefused(error.code) : error;
  });
  if ("refused" in inspected) throw new EvidenceRefused(inspected.refused);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return { fileName, mediaType: inspected.mediaType, sha256 };
}

/** Attaches a file, all or nothing: its bytes and its record are written together. */
export async function attachEvidence(
  principal: Principal,
  projectId: string,
  target: EvidenceTarget,
  file: { name: string; bytes: Uint8Array },
): Promise<EvidenceItem> {
  assertCan(principal, "results.enter", projectId);
  const userId = requireUserId(principal);
  const config = env();
  const { fileName, mediaType, sha256 } = await inspectEvidenceFile(file);
  const where = await targetOf(projectId, target);
  const storageKey = `${projectId}/${randomUUID()}`;
  const row = await db().$transaction(async (tx) => {
    // The project's total is checked inside the write, so two uploads at once cannot both pass it.
    await tx.$executeRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
    const used = await tx.evidence.aggregate({ where: { projectId }, _sum: { size: true } });
    if ((used._sum.size ?? 0) + file.bytes.length > config.MAX_PROJECT_EVIDENCE_BYTES)
      throw new EvidenceRefused("projectFull");
    await evidenceStore.put(storageKey, file.bytes, tx);
    const created = await tx.evidence.create({
      data: {
        projectId,
        ...where,
        fileName,
        mediaType,
        size: file.bytes.length,
        sha256,
        storageKey,
        uploadedById: userId,
      },
      select,
    });
    await recordAudit(tx, {
      action: "evidence.attach",
      entityType: "Evidence",
      entityId: created.id,
      projectId,
      actorUserId: userId,
      after: { fileName, mediaType, size: file.bytes.length, sha256, ...where },
    });
    return created;
  });
  return item(principal, row);
}

/** The files of the project the principal may see, of some values, a period or a round (or all). */
export async function listEvidence(
  principal: Principal,
  projectId: string,
  filter: { resultIds?: string[]; periodId?: string; roundId?: string } = {},
): Promise<EvidenceItem[]> {
  assertCan(principal, "project.read", projectId);
  const or = [
    ...(filter.resultIds ? [{ resultId: { in: filter.resultIds } }] : []),
    ...(filter.periodId ? [{ periodId: filter.periodId }, { result: { periodId: filter.periodId } }] : []),
    ...(filter.roundId ? [{ roundId: filter.roundId }, { result: { roundId: filter.roundId } }] : []),
  ];
  const rows = await db().evidence.findMany({
    where: allOf<Prisma.EvidenceWhereInput>({ projectId }, or.length > 0 && { OR: or }),
    select,
    orderBy: { createdAt: "asc" },
  });
  return rows.filter((r) => visible(principal, projectId, r)).map((r) => item(principal, r));
}

/** One file with its bytes, when the principal may see it; null otherwise (as if it did not exist). */
export async function evidenceFile(principal: Principal, projectId: string, evidenceId: string) {
  const row = await db().evidence.findFirst({ where: { id: evidenceId, projectId }, select });
  if (!row || !visible(principal, projectId, row)) return null;
  const bytes = await evidenceStore.get(row.storageKey);
  return bytes ? { item: item(principal, row), bytes } : null;
}

async function visibleRow(principal: Principal, projectId: string, evidenceId: string) {
  const row = await db().evidence.findFirst({ where: { id: evidenceId, projectId }, select });
  if (!row || !visible(principal, projectId, row)) return null;
  return row;
}

/** Shares a file with the project's donor links, or stops sharing it (managers). */
export async function shareEvidence(principal: Principal, projectId: string, evidenceId: string, shared: boolean) {
  assertCan(principal, "shareLinks.manage", projectId);
  const userId = requireUserId(principal);
  const row = await visibleRow(principal, projectId, evidenceId);
  if (!row) return null;
  return db().$transaction(async (tx) => {
    const updated = await tx.evidence.update({ where: { id: row.id }, data: { sharedWithDonors: shared }, select });
    await recordAudit(tx, {
      action: shared ? "evidence.share" : "evidence.unshare",
      entityType: "Evidence",
      entityId: row.id,
      projectId,
      actorUserId: userId,
      before: { sharedWithDonors: row.sharedWithDonors },
      after: { sharedWithDonors: shared },
    });
    return item(principal, updated);
  });
}

/**
 * Removes the files of a value being deleted (a cleared draft or returned value), in its transaction,
 * each audited. They backed a value never approved: moved to its period they would read as the period's
 * report, shown to every reader of the project.
 */
export async function removeValueFiles(tx: Tx, projectId: string, resultId: string, actorUserId: string) {
  const files = await tx.evidence.findMany({
    where: { resultId },
    select: { id: true, storageKey: true, fileName: true, size: true },
  });
  for (const file of files) {
    await tx.evidence.delete({ where: { id: file.id } });
    await evidenceStore.remove(file.storageKey, tx);
    await recordAudit(tx, {
      action: "evidence.remove",
      entityType: "Evidence",
      entityId: file.id,
      projectId,
      actorUserId,
      before: { fileName: file.fileName, size: file.size, resultId },
      comment: "value cleared",
    });
  }
}

/** Removes a file: whoever attached it, or a manager. False when there is no such file to remove. */
export async function removeEvidence(principal: Principal, projectId: string, evidenceId: string): Promise<boolean> {
  assertCan(principal, "results.enter", projectId);
  const userId = requireUserId(principal);
  const row = await visibleRow(principal, projectId, evidenceId);
  if (!row) return false;
  if (row.uploadedById !== userId) assertCan(principal, "results.review", projectId);
  await db().$transaction(async (tx) => {
    await tx.evidence.delete({ where: { id: row.id } });
    await evidenceStore.remove(row.storageKey, tx);
    await recordAudit(tx, {
      action: "evidence.remove",
      entityType: "Evidence",
      entityId: row.id,
      projectId,
      actorUserId: userId,
      before: {
        fileName: row.fileName,
        size: row.size,
        resultId: row.resultId,
        periodId: row.periodId,
        roundId: row.roundId,
      },
    });
  });
  return true;
}
