import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import type { UserPrincipal } from "@/lib/permissions";

export type CurrentUser = UserPrincipal & { name: string; email: string; locale: string | null };

/**
 * The signed-in user with their project roles read fresh from the database, so a role change or a
 * removed account takes effect on the next request. Null when nobody is signed in.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  return id ? loadPrincipal(id) : null;
});

export async function loadPrincipal(userId: string): Promise<CurrentUser | null> {
  const user = await db().user.findUnique({ where: { id: userId }, include: { memberships: true } });
  if (!user) return null;
  return {
    kind: "user",
    userId: user.id,
    isAdmin: user.isAdmin,
    name: user.name,
    email: user.email,
    locale: user.locale,
    roles: Object.fromEntries(user.memberships.map((m) => [m.projectId, m.role])),
  };
}

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}
