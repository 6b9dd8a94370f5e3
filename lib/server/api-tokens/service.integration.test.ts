import { expect, test } from "vitest";
import { GET as getSummary } from "@/app/api/v1/projects/[projectId]/summary/route";
import { can } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { principalForApiToken, TokenRateLimited } from "@/lib/server/api-tokens/verify";
import { principalFor, projectId } from "@/lib/testing/principals";
import { createApiToken, listApiTokens, revokeApiToken } from "./service";

test("a token is shown once, stored hashed, and carries exactly its owner's rights", async () => {
  const viewer = await principalFor("viewer@example.org");
  const { token, id } = await createApiToken(viewer, { name: "Reporting", expiresAt: null });
  expect(token).toMatch(/^med_[A-Za-z0-9_-]{43}$/);
  const stored = await db().apiToken.findUniqueOrThrow({ where: { id }, omit: { tokenHash: false } });
  expect(stored.tokenHash).not.toContain(token.slice(4));
  const principal = await principalForApiToken(token);
  const peru = await projectId("PE-VEN-2021");
  expect(principal?.userId).toBe(viewer.userId);
  expect(principal && can(principal, "project.read", peru)).toBe(true);
  // Never more than the owner: a viewer's token cannot see unapproved values or review.
  expect(principal && can(principal, "results.readUnapproved", peru)).toBe(false);
  expect(principal && can(principal, "project.read", await projectId("SA-HIV-MOB"))).toBe(false);
  expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  expect(await db().auditEvent.count({ where: { entityId: id, action: "apiToken.create" } })).toBe(1);
});

test("a token follows its owner's current rights: losing a membership takes the access away", async () => {
  const viewer = await principalFor("viewer@example.org");
  const { token } = await createApiToken(viewer, { name: "Follows roles", expiresAt: null });
  const peru = await projectId("PE-VEN-2021");
  const membership = await db().membership.findFirstOrThrow({ where: { userId: viewer.userId, projectId: peru } });
  await db().membership.delete({ where: { id: membership.id } });
  try {
    const principal = await principalForApiToken(token);
    expect(principal && can(principal, "project.read", peru)).toBe(false);
  } finally {
    await db().membership.create({ data: { userId: viewer.userId, projectId: peru, role: "VIEWER" } });
  }
});

test("revoked and expired tokens are refused; nobody revokes another user's token", async () => {
  const manager = await principalFor("manager@example.org");
  const evaluator = await principalFor("evaluator@example.org");
  const { token, id } = await createApiToken(manager, {
    name: "Short-lived",
    expiresAt: new Date(Date.now() + 60_000),
  });
  expect(await principalForApiToken(token)).not.toBeNull();
  expect(await principalForApiToken(token, new Date(Date.now() + 120_000))).toBeNull();
  expect(await revokeApiToken(evaluator, id)).toBe(false);
  expect(await principalForApiToken(token)).not.toBeNull();
  expect(await revokeApiToken(manager, id)).toBe(true);
  expect(await principalForApiToken(token)).toBeNull();
  expect((await listApiTokens(manager)).find((t) => t.id === id)?.state).toBe("revoked");
  await expect(createApiToken(manager, { name: "", expiresAt: null })).rejects.toThrow(/required/);
});

test("a token past its requests per minute gets 429 with Retry-After, counted in the database", async () => {
  const viewer = await principalFor("viewer@example.org");
  const { token, id } = await createApiToken(viewer, { name: "Busy integration", expiresAt: null });
  process.env.API_TOKEN_REQUESTS_PER_MINUTE = "3";
  reloadEnv();
  try {
    const peru = await projectId("PE-VEN-2021");
    const call = () =>
      getSummary(
        new Request(`http://localhost/api/v1/projects/${peru}/summary?view=overview`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ projectId: peru }) },
      );
    for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    // The count lives in the database, where another app instance would read the same row.
    const row = await db().rateLimit.findUniqueOrThrow({ where: { key: `apiToken:${id}` } });
    expect(row.count).toBe(4);
    await expect(principalForApiToken(token)).rejects.toThrow(TokenRateLimited);
  } finally {
    delete process.env.API_TOKEN_REQUESTS_PER_MINUTE;
    reloadEnv();
  }
});
