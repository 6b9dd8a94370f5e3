// Many new results and their audit events written with one INSERT each per chunk, their columns sent
// as arrays (unnest): an import of tens of thousands of values costs a few statements, not a query
// compiled and rendered per thousand rows. Used inside the import's transaction.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/platform/db";

export type NewResult = {
  indicatorId: string;
  periodId: string | null;
  roundId: string | null;
  locationId: string;
  optionId: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  weightSum: number | null;
  textValue: string | null;
  note: string;
  status: "DRAFT" | "SUBMITTED";
  userId: string;
  submittedAt: Date | null;
};

/** Inserts the results; returns their new ids in the same order. */
export async function insertResults(tx: Tx, rows: NewResult[]): Promise<string[]> {
  const ids = rows.map(() => randomUUID());
  const col = <K extends keyof NewResult>(key: K) => rows.map((r) => r[key]);
  await tx.$executeRaw`
    INSERT INTO "Result" ("id", "indicatorId", "periodId", "roundId", "locationId", "optionId", "value",
      "numerator", "denominator", "sampleSize", "weightSum", "textValue", "note", "status", "createdById", "updatedById",
      "submittedAt", "createdAt", "updatedAt")
    SELECT t.id, t."indicatorId", t."periodId", t."roundId", t."locationId", t."optionId", t.value,
      t.numerator, t.denominator, t."sampleSize", t."weightSum", t."textValue", t.note, t.status::"ReviewStatus",
      t."userId", t."userId", t."submittedAt", now(), now()
    FROM unnest(
      ${ids}::text[], ${col("indicatorId")}::text[], ${col("periodId")}::text[], ${col("roundId")}::text[],
      ${col("locationId")}::text[], ${col("optionId")}::text[], ${col("value")}::float8[],
      ${col("numerator")}::float8[], ${col("denominator")}::float8[], ${col("sampleSize")}::float8[],
      ${col("weightSum")}::float8[],
      ${col("textValue")}::text[], ${col("note")}::text[], ${col("status")}::text[], ${col("userId")}::text[],
      ${col("submittedAt")}::timestamp[]
    ) AS t(id, "indicatorId", "periodId", "roundId", "locationId", "optionId", value, numerator, denominator,
      "sampleSize", "weightSum", "textValue", note, status, "userId", "submittedAt")`;
  return ids;
}

export type NewAuditEvent = {
  action: string;
  entityType: string;
  entityId: string;
  projectId: string;
  actorUserId: string;
  after: unknown;
};

export async function insertAuditEvents(tx: Tx, rows: NewAuditEvent[]): Promise<void> {
  const col = <K extends keyof NewAuditEvent>(key: K) => rows.map((r) => r[key]);
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "at", "actorUserId", "action", "entityType", "entityId", "projectId", "after")
    SELECT t.id, now(), t."actorUserId", t.action, t."entityType", t."entityId", t."projectId", t.after::jsonb
    FROM unnest(
      ${rows.map(() => randomUUID())}::text[], ${col("actorUserId")}::text[], ${col("action")}::text[],
      ${col("entityType")}::text[], ${col("entityId")}::text[], ${col("projectId")}::text[],
      ${rows.map((r) => JSON.stringify(r.after))}::text[]
    ) AS t(id, "actorUserId", action, "entityType", "entityId", "projectId", after)`;
}
