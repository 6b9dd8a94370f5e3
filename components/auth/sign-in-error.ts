// What the sign-in form says for next-auth's error code: a wrong e-mail or password, a limited attempt
// ("rateLimited:<seconds>", thrown by lib/platform/auth/sign-in-limit.ts) with its wait in whole minutes, or a failure.
type Translate = (key: "invalid" | "failed" | "rateLimited", values?: { minutes: number }) => string;

export function signInErrorMessage(code: string, t: Translate): string {
  if (code === "CredentialsSignin") return t("invalid");
  if (code === "rateLimited" || code.startsWith("rateLimited:")) {
    const seconds = Number(code.split(":")[1]);
    return t("rateLimited", { minutes: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15 });
  }
  return t("failed");
}
