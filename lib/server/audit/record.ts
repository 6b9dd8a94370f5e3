import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/platform/db";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  projectId?: string | null;
  actorUserId?: string | null;
  /** Who acted when it was not a user, e.g. "share:<linkId>". */
  actorLabel?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  comment?: string;
};

/** Writes one audit event, inside the caller's transaction when given one. */
export async function recordAudit(client: Db | Tx, entry: AuditEntry): Promise<void> {
  await client.auditEvent.create({ data: entry });
}
