"use server";
import { cookies } from "next/headers";
import type { ActionState } from "@/lib/domain/errors";
import { isLocale, localeCookie } from "@/lib/domain/i18n/config";
import { currentUser } from "@/lib/platform/auth/session";
import { db } from "@/lib/platform/db";

/** Remembers the chosen language in a cookie and, for a signed-in user, on their profile. */
export async function setLocale(locale: string): Promise<ActionState> {
  const user = await currentUser();
  if (!isLocale(locale)) return { error: "invalid" };
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  if (user) await db().user.update({ where: { id: user.userId }, data: { locale } });
  return { done: true };
}
