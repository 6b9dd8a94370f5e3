// The library's shared vocabulary: admins add study types (beside evaluation, baseline, …) and themes,
// each named in English and Spanish. Keys are kept once made (studies and filters name them); adding is
// audited.
import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { type Principal, requireUserId } from "@/lib/domain/permissions";
import { canKeepStudyVocabulary } from "@/lib/domain/permissions/studies";
import { db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";
import { EditRefused } from "@/lib/server/projects/edit";

export const vocabularyInput = z.object({
  kind: z.enum(["type", "theme"]),
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,59}$/, "invalidKey"),
  nameEn: z.string().trim().min(1, "required").max(120),
  nameEs: z.string().trim().min(1, "required").max(120),
});

export type VocabularyInput = z.input<typeof vocabularyInput>;

/** Adds a study type or theme; refused unless an admin asks, and when its key is taken. */
export async function addStudyVocabulary(principal: Principal, input: VocabularyInput) {
  if (!canKeepStudyVocabulary(principal)) throw new DomainError("forbidden", { detail: "Admins only" });
  const userId = requireUserId(principal);
  const { kind, ...row } = vocabularyInput.parse(input);
  await db()
    .$transaction(async (tx) => {
      const taken =
        kind === "type"
          ? await tx.studyType.findUnique({ where: { key: row.key } })
          : await tx.studyTheme.findUnique({ where: { key: row.key } });
      if (taken) throw new EditRefused("key", "taken");
      if (kind === "type") {
        // After the shipped ones in the lists.
        const last = await tx.studyType.aggregate({ _max: { sortOrder: true } });
        await tx.studyType.create({ data: { ...row, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
      } else await tx.studyTheme.create({ data: row });
      await recordAudit(tx, {
        action: `study.${kind}.add`,
        entityType: kind === "type" ? "StudyType" : "StudyTheme",
        entityId: row.key,
        actorUserId: userId,
        after: row,
      });
    })
    // Two admins adding the same key at once both pass the check; the loser meets the key's unique index.
    .catch((error) => {
      throw (error as { code?: string }).code === "P2002" ? new EditRefused("key", "taken") : error;
    });
}
