// The project dashboard page's server calls, made as its render makes them but without Next.js (no
// request, cookies or React rendering here): the (app) layout's signed-in user, inbox count and failing
// connections; the project layout's gate (the project); the page's one loader (projectDashboard) and its
// studies section. The session itself is a signed cookie (no statement); translations read no database.
import { AsOf } from "@/lib/domain/as-of";
import type { Locale } from "@/lib/domain/i18n/config";
import { loadPrincipal } from "@/lib/platform/auth/principal";
import { failingConnections } from "@/lib/server/connections/notices";
import { getProject } from "@/lib/server/projects/service";
import { inboxCount } from "@/lib/server/results/inbox";
import { projectStudies } from "@/lib/server/studies/service";
import { projectDashboard } from "@/lib/server/summary/project-view";

/** Runs one of the page's server calls (named `what`): the bench counts each call's statements. */
export type PageCall = <T>(what: string, run: () => Promise<T>) => Promise<T>;

/**
 * What /projects/<id> asks of the server for `userId` (today's figures, no filter, no card open), one
 * call after another (the render runs the layouts' and the page's calls side by side: the same statements).
 */
export async function dashboardPageCalls(userId: string, projectId: string, locale: Locale, call: PageCall) {
  const user = await call("session user", () => loadPrincipal(userId, { signedInAt: Date.now() }));
  if (!user) throw new Error(`No user ${userId}`);
  await call("inbox", () => inboxCount(user));
  await call("failing connections", () => failingConnections(user));
  const project = await call("project", () => getProject(user, projectId));
  if (!project) throw new Error(`Project ${projectId} not found for ${user.email}`);
  const filters = { asOf: AsOf.today(), includeSubmitted: false };
  const view = await call("projectDashboard", () => projectDashboard(user, project.id, filters, { locale }));
  if (!view) throw new Error(`No dashboard of ${projectId}`);
  await call("studies", () => projectStudies(user, project.id));
  return view;
}
