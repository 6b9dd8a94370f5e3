import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { demoUsers } from "../prisma/demo/users";

export function demoUser(email: string) {
  const user = demoUsers.find((u) => u.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
}

export async function logIn(page: Page, email: string, password = demoUser(email).password) {
  await page.goto("/login");
  // The password form's button (not "Sign in with …", where single sign-on is configured). It is enabled
  // once the form is interactive: typing before that could be lost.
  const submit = page.getByRole("button", { name: /^(sign in|ingresar)$/i });
  await expect(submit).toBeEnabled();
  await page.getByLabel(/e-mail|correo/i).fill(email);
  await page.getByLabel(/password|contraseña/i).fill(password);
  await submit.click();
}

export async function logInAs(page: Page, email: string) {
  await logIn(page, email);
  // Signing in hashes the password on purpose slowly (scrypt), and the first sign-in on a server that
  // has just started also warms it up: more than the default 5 s on a busy 2-core machine.
  await expect(page).toHaveURL(/\/projects$/, { timeout: 20_000 });
}

/** Signs in as the demo manager and opens the Peru project's share links page. */
export async function openShareLinksPage(page: Page) {
  await logInAs(page, "manager@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await page.getByRole("link", { name: "Share links" }).click();
}

/** Creates a share link on the open share links page; returns its URL, shown once. */
export async function createShareLink(page: Page, label: string) {
  await page.getByLabel("Label").fill(label);
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByLabel("Share link").inputValue();
  expect(url).toMatch(/\/s\/s_[A-Za-z0-9_-]{43}$/);
  return url;
}

/** Writes a table of these lines to a new temporary file, as a user's download folder holds it. */
export function csvFile(name: string, lines: string[]) {
  const at = path.join(mkdtempSync(path.join(tmpdir(), "e2e-table-")), name);
  writeFileSync(at, `${lines.join("\n")}\n`);
  return at;
}

/** Signs in as the demo evaluator and opens the Peru project's results import form. */
export async function openResultsImport(page: Page) {
  await logInAs(page, "evaluator@example.org");
  await page.getByRole("link", { name: /Venezuelan migrants and refugees in Peru/ }).click();
  await page.getByRole("link", { name: "Import results" }).click();
  return page.getByRole("form", { name: "Import results from a table" });
}
