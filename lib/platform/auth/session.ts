import "server-only";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/platform/auth/options";
import { noteActionCall } from "@/lib/platform/ops/action-log";
import { type CurrentUser, loadPrincipal } from "./principal";

/**
 * The signed-in user with their project roles read fresh from the database, so a role change or a
 * removed account takes effect on the next request. Null when nobody is signed in.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  const user = id ? await loadPrincipal(id, { signedInAt: session.signedInAt }) : null;
  await noteActionCall(user ? "user" : "anonymous");
  return user;
});

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}
