"use server";
import { cookies } from "next/headers";
import type { ActionState } from "@/lib/domain/errors";
import { isLocale, localeCookie } from "@/lib/domain/i18n/config";
import { currentUser } from "@/lib/platform/auth/session";
import { rememberLocale } from "./account";

/** Remembers the chosen language in a cookie and, for a signed-in user, on their profile. */
export async function setLocale(locale: string): Promise<ActionState> {
  const user = await currentUser();
  if (!isLocale(locale)) return { error: "invalid" };
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  if (user) await rememberLocale(user.userId, locale);
  return { done: true };
}
