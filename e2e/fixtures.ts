import { expect, type Page } from "@playwright/test";
import { demoUsers } from "../prisma/demo/users";

export function demoUser(email: string) {
  const user = demoUsers.find((u) => u.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
}

export async function logIn(page: Page, email: string, password = demoUser(email).password) {
  await page.goto("/login");
  await page.getByLabel(/e-mail|correo/i).fill(email);
  await page.getByLabel(/password|contraseña/i).fill(password);
  await page.getByRole("button", { name: /sign in|ingresar/i }).click();
}

export async function logInAs(page: Page, email: string) {
  await logIn(page, email);
  await expect(page).toHaveURL(/\/projects$/);
}
