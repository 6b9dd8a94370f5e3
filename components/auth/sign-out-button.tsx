"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" className="button secondary" onClick={() => signOut({ callbackUrl: "/login" })}>
      {t("signOut")}
    </button>
  );
}
