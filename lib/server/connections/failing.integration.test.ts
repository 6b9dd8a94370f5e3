import { beforeAll, expect, test } from "vitest";
import { can, type UserPrincipal } from "@/lib/domain/permissions";
import type { CurrentUser } from "@/lib/platform/auth/principal";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { db, type SentQuery, watchQueries } from "@/lib/platform/db";
import { projectId } from "@/lib/testing/principals";
import { failingConnections } from "./notices";

const sent: SentQuery[] = [];
let users: CurrentUser[] = [];
const ids: Record<string, string> = {};

/** failingConnections as it read them before it was one statement (3: Prisma's include), the reference. */
async function failingAsBefore(user: UserPrincipal) {
  const projects = Object.keys(user.roles).filter((id) => can(user, "connections.sync", id));
  if (projects.length === 0) return [];
  const managed = projects.filter((id) => can(user, "connections.manage", id));
  const found = await db().connection.findMany({
    where: {
      failureNoticeAt: { not: null },
      projectId: { in: projects },
      OR: [{ projectId: { in: managed } }, { failureNoticeUserId: user.userId }],
    },
    select: {
      id: true,
      name: true,
      projectId: true,
      status: true,
      brokenReason: true,
      failureNoticeAt: true,
      project: { select: { name: true } },
      syncs: { where: { status: "FAILED" }, orderBy: { startedAt: "desc" }, take: 1, select: { error: true } },
    },
    orderBy: { failureNoticeAt: "asc" },
  });
  return found.map((c) => ({
    id: c.id,
    name: c.name,
    projectId: c.projectId,
    project: c.project.name,
    since: c.failureNoticeAt ?? new Date(0),
    reason: (c.status === "BROKEN" ? c.brokenReason : c.syncs[0]?.error) ?? "failed",
  }));
}

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);

beforeAll(async () => {
  await watchQueries((query) => sent.push(query));
  const peru = await projectId("PE-VEN-2021");
  const roma = await projectId("WB-ROMA-W");
  const evaluator = await db().user.findUniqueOrThrow({ where: { email: "evaluator@example.org" } });
  const connection = async (projectId: string, name: string, data: object, syncs: object[] = []) => {
    const c = await db().connection.create({
      data: { projectId, name, kind: "KOBO", serverUrl: "https://kobo.example.org", secret: "x", ...data },
    });
    for (const sync of syncs)
      await db().connectionSync.create({ data: { connectionId: c.id, trigger: "manual", ...sync } });
    ids[name] = c.id;
  };
  // Broken: its own reason. Failing (not broken): its latest failed run's error, a later good run aside.
  await connection(peru, "broken", { status: "BROKEN", brokenReason: "unauthorized", failureNoticeAt: at(30) });
  await connection(
    peru,
    "failing, the evaluator's run",
    { failureNoticeAt: at(20), failureNoticeUserId: evaluator.id },
    [
      { status: "FAILED", error: "busy", startedAt: at(25) },
      { status: "FAILED", error: "timeout", startedAt: at(21) },
      { status: "DONE", startedAt: at(10) },
    ],
  );
  await connection(peru, "told of nothing", { status: "BROKEN", brokenReason: "forbidden" });
  await connection(roma, "broken without a reason", { status: "BROKEN", failureNoticeAt: at(40) });
  await connection(roma, "failing without a failed run", { failureNoticeAt: at(5) });
  users = [];
  for (const { id } of await db().user.findMany({ select: { id: true }, orderBy: { email: "asc" } })) {
    const user = await loadPrincipal(id);
    if (user) users.push(user);
  }
});

test("every user's failing connections in one statement, the same as before", async () => {
  let told = 0;
  for (const user of users) {
    const before = await failingAsBefore(user);
    sent.length = 0;
    const now = await failingConnections(user);
    expect(now, user.email).toEqual(before);
    // No statement for a user who may sync no project's connections.
    expect(sent.length, user.email).toBe(
      Object.keys(user.roles).some((id) => can(user, "connections.sync", id)) ? 1 : 0,
    );
    told += now.length;
  }
  expect(told).toBeGreaterThan(0);
  const manager = users.find((u) => u.email === "manager@example.org");
  // The manager manages both projects: everything told, oldest first.
  expect(manager && (await failingConnections(manager))).toEqual([
    expect.objectContaining({ id: ids["broken without a reason"], reason: "failed" }),
    expect.objectContaining({ id: ids.broken, reason: "unauthorized" }),
    expect.objectContaining({ id: ids["failing, the evaluator's run"], reason: "timeout" }),
    expect.objectContaining({ id: ids["failing without a failed run"], reason: "failed" }),
  ]);
});
