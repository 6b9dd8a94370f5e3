"use client";
import { useTranslations } from "next-intl";

/**
 * Signs out as next-auth's own client does (its CSRF token, then its sign-out endpoint), without
 * loading that client on every signed-in page: next-auth/react weighs more than this page's own code.
 */
async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
  window.location.href = "/login";
}

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" className="button secondary" onClick={() => void signOut()}>
      {t("signOut")}
    </button>
  );
}
