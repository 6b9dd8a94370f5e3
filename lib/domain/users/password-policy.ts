// What a new password must be: long enough, not absurdly long (hashing cost), and not one that is
// guessed first. One schema for invitations, the admin command and any later password change.
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;
/** Longer passwords are refused before hashing: each try costs a memory-hard hash. */
export const MAX_PASSWORD_LENGTH = 200;

// The passwords guessed first (from public lists of the most used ones) that meet the length rule.
const common = new Set([
  "1234567890",
  "0123456789",
  "0987654321",
  "12345678910",
  "123456789012",
  "qwertyuiop",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "qwerty12345",
  "qwerty123456",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "iloveyou123",
  "abcdefghij",
  "abc1234567",
  "contraseña",
  "contrasena",
  "contraseña123",
  "contrasena123",
  "administrator",
  "administrador",
  "letmein123",
  "welcome123",
  "changeme123",
]);

/** Why a password would be refused ("passwordTooShort", "passwordTooCommon", "tooLong"), or null. */
export function passwordProblem(password: string): string | null {
  if (password.length > MAX_PASSWORD_LENGTH) return "tooLong";
  const plain = password.trim();
  if (plain.length < MIN_PASSWORD_LENGTH) return "passwordTooShort";
  const lower = plain.toLowerCase();
  if (common.has(lower) || /^(.)\1*$/u.test(lower) || /^(.{1,3})\1+$/u.test(lower)) return "passwordTooCommon";
  return null;
}

export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
