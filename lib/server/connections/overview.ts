// The connections page's one loader: the project's connections (never their credentials), each with its
// latest syncs, and whether the caller may add and delete them.
import "server-only";
import { can, type Principal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { type ConnectionView, listConnections } from "./service";
import { type SyncView, syncView } from "./views";

export type ConnectionOverview = ConnectionView & { history: SyncView[] };

export async function connectionsOverview(principal: Principal, projectId: string, historyLength = 10) {
  const connections = await listConnections(principal, projectId);
  const syncs = await Promise.all(
    connections.map((c) =>
      db().connectionSync.findMany({
        where: { connectionId: c.id },
        orderBy: { startedAt: "desc" },
        take: historyLength,
      }),
    ),
  );
  return {
    mayManage: can(principal, "connections.manage", projectId),
    connections: connections.map((c, i): ConnectionOverview => ({ ...c, history: (syncs[i] ?? []).map(syncView) })),
  };
}
