// A connection's sync history a page at a time, newest first, for the API (the page shows the latest
// few, ./overview.ts). The scope (this connection of this project) and the cursor are separate terms of
// one AND (lib/server/access/scoped-list.ts), so a cursor never widens what is listed.
import "server-only";
import { assertCan, type Principal } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { allOf, type Page, pageOf } from "@/lib/server/access/scoped-list";
import { connectionOf } from "./service";
import { syncView } from "./views";

export async function syncHistoryPage(principal: Principal, projectId: string, connectionId: string, page: Page) {
  assertCan(principal, "connections.sync", projectId);
  // Another project's connection is not found here (rather than an empty history).
  await connectionOf(projectId, connectionId);
  const rows = await db().connectionSync.findMany({
    // Ids are cuids, which grow with time: newest first is the ids descending, and the cursor the last seen.
    where: allOf<Prisma.ConnectionSyncWhereInput>(
      { connectionId, connection: { projectId } },
      page.cursor && { id: { lt: page.cursor } },
    ),
    orderBy: { id: "desc" },
    take: page.limit + 1,
  });
  const { items, nextCursor } = pageOf(rows, page.limit);
  return { syncs: items.map(syncView), nextCursor };
}
