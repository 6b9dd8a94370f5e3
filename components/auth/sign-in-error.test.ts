import { createTranslator } from "use-intl/core";
import { expect, test } from "vitest";
import en from "@/lib/platform/i18n/messages/en.json";
import es from "@/lib/platform/i18n/messages/es.json";
import { signInErrorMessage } from "./sign-in-error";

const english = createTranslator({ locale: "en", messages: en, namespace: "login" });
const spanish = createTranslator({ locale: "es", messages: es, namespace: "login" });

test("a limited sign-in says how long to wait, in whole minutes, in the reader's language", () => {
  expect(signInErrorMessage("rateLimited:882", english)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
  expect(signInErrorMessage("rateLimited:60", english)).toBe("Too many sign-in attempts. Try again in 1 minute.");
  expect(signInErrorMessage("rateLimited:882", spanish)).toBe(
    "Demasiados intentos de inicio de sesión. Vuelva a intentarlo en 15 minutos.",
  );
  expect(signInErrorMessage("rateLimited:1", spanish)).toBe(
    "Demasiados intentos de inicio de sesión. Vuelva a intentarlo en 1 minuto.",
  );
  // A code without a usable wait still says something true.
  expect(signInErrorMessage("rateLimited:soon", english)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
});

test("a wrong password and any other failure have their own messages", () => {
  expect(signInErrorMessage("CredentialsSignin", english)).toBe("The e-mail or password is not correct.");
  expect(signInErrorMessage("CredentialsSignin", spanish)).toBe(
    "El correo electrónico o la contraseña no son correctos.",
  );
  expect(signInErrorMessage("", english)).toBe("Signing in failed. Please try again.");
  expect(signInErrorMessage("Configuration", spanish)).toBe("No se pudo iniciar sesión. Inténtelo de nuevo.");
});
