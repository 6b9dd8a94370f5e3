"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { signInErrorMessage } from "@/components/auth/sign-in-error";
import { Field } from "@/components/ui/field";

type Errors = { email?: string; password?: string; form?: string };

export function LoginForm() {
  const t = useTranslations("login");
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  // Until the page is interactive the button stays disabled, so a quick click on a slow connection
  // cannot submit the form natively (method="post" keeps credentials out of the URL regardless).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const found: Errors = {};
    if (!email) found.email = t("missingEmail");
    if (!password) found.password = t("missingPassword");
    setErrors(found);
    if (found.email || found.password) return;
    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok) {
        router.replace("/projects");
        router.refresh();
      } else {
        setErrors({ form: signInErrorMessage(result?.error ?? "", t) });
      }
    } catch {
      setErrors({ form: t("failed") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="card">
      {errors.form && (
        <p role="alert" className="error">
          {errors.form}
        </p>
      )}
      <Field id="email" name="email" type="email" autoComplete="username" label={t("email")} error={errors.email} />
      <Field
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        label={t("password")}
        error={errors.password}
      />
      <button className="button" type="submit" disabled={!ready || pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
