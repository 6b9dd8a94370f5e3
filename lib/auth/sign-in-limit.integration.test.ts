import { expect, test } from "vitest";
import { db } from "@/lib/db";
import { ACCOUNT_ATTEMPTS, SignInLimited, signInLimited } from "./sign-in-limit";

const none = new Headers();

test("an account is locked for a while after repeated wrong passwords, even for the right one; others are not", async () => {
  for (let i = 0; i < ACCOUNT_ATTEMPTS; i++) {
    expect(await signInLimited("viewer@example.org", `wrong guess ${i}`, none)).toBeNull();
  }
  await expect(signInLimited("viewer@example.org", "demo-viewer-pass", none)).rejects.toBeInstanceOf(SignInLimited);
  await expect(signInLimited("viewer@example.org", "demo-viewer-pass", none)).rejects.toThrow(/^rateLimited:\d+$/);
  expect(await signInLimited("manager@example.org", "demo-manager-pass", none)).toMatchObject({
    email: "manager@example.org",
  });
  // The count lives in the database, where every app instance sees it.
  const row = await db().rateLimit.findUniqueOrThrow({ where: { key: "signin:account:viewer@example.org" } });
  expect(row.count).toBeGreaterThan(ACCOUNT_ATTEMPTS);
  // A successful sign-in forgets the account's earlier failures.
  expect(await signInLimited("evaluator@example.org", "wrong", none)).toBeNull();
  await signInLimited("evaluator@example.org", "demo-evaluator-pass", none);
  expect(await db().rateLimit.findUnique({ where: { key: "signin:account:evaluator@example.org" } })).toBeNull();
});
