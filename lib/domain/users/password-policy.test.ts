import { expect, test } from "vitest";
import { MAX_PASSWORD_LENGTH, passwordProblem } from "./password-policy";

test("short, repeated, common and oversized passwords are refused; a passphrase is not", () => {
  expect(passwordProblem("aaaaaaaaaa")).toBe("passwordTooCommon");
  expect(passwordProblem("1234567890")).toBe("passwordTooCommon");
  expect(passwordProblem("          ")).toBe("passwordTooShort");
  expect(passwordProblem("abcabcabcabc")).toBe("passwordTooCommon");
  expect(passwordProblem("Password123")).toBe("passwordTooCommon");
  expect(passwordProblem("short")).toBe("passwordTooShort");
  expect(passwordProblem("x".repeat(MAX_PASSWORD_LENGTH + 1))).toBe("tooLong");
  expect(passwordProblem("quinoa market at dawn")).toBeNull();
});
