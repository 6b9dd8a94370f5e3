// A web address typed for the server to send to (a webhook, a KoboToolbox or ODK Central server). Pure.
import { z } from "zod";

/** Whether the address carries a user name or password (https://user:pass@host/…). */
export function hasCredentials(address: string): boolean {
  try {
    const url = new URL(address);
    return url.username !== "" || url.password !== "";
  } catch {
    return false;
  }
}

/**
 * An http(s) address of at most 2000 characters, without credentials in it: fetch refuses such an
 * address with an error that quotes it, password and all (which would then be logged and shown), and an
 * address is stored and audited as typed, so a password in it would be kept in the clear.
 */
export const webAddress = z
  .string()
  .trim()
  .max(2000, "tooLong")
  .url("url")
  .refine((u) => /^https?:\/\//i.test(u), "url")
  .refine((u) => !hasCredentials(u), "urlCredentials");

/** The text with the user name and password of every address in it taken out (for error logs). */
export function withoutCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, "$1");
}
