import { z } from "zod";
import { newPasswordSchema } from "@/lib/domain/users/password-policy";
import { hashPassword } from "@/lib/platform/auth/password";
import type { Db } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";

export const newAdminSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1),
  password: newPasswordSchema,
});

/** Creates an instance admin, or makes an existing user one and sets their password. */
export async function createAdmin(prisma: Db, input: z.input<typeof newAdminSchema>) {
  const { email, name, password } = newAdminSchema.parse(input);
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      create: { email, name, passwordHash, isAdmin: true },
      update: { name, passwordHash, isAdmin: true },
    });
    await recordAudit(tx, {
      actorLabel: "system:create-admin",
      action: "user.admin.create",
      entityType: "User",
      entityId: user.id,
      after: { email, name, isAdmin: true },
    });
    return user;
  });
}
