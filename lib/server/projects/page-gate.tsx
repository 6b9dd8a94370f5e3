import "server-only";
// Project pages check who is asking in a layout, before any loading boundary streams: a refusal thrown
// there answers 404, where one thrown inside a streamed page would already have sent a 200. A project
// the user may not read looks like one that does not exist, so project ids cannot be probed.
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { can, type Permission, type UserPrincipal } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/platform/auth/session";
import { getIndicator, getProject } from "./service";

/** The signed-in user and the project, once per request however many layouts and pages ask. */
const projectFor = cache(async (projectId: string) => {
  const user = await requireUser();
  return { user, project: await getProject(user, projectId) };
});

/**
 * What a page asks of its user beyond reading the project: a permission, or a rule of its feature (the
 * entry grid's `mayEnter`, which a partner's member passes at the partner's sites only).
 */
export type PageNeed = Permission | ((user: UserPrincipal, projectId: string) => boolean);

/** For a project page's layout: not found unless the user may read the project and, if given, do `need`. */
export async function gateProjectPage(params: Promise<{ projectId: string }>, need?: PageNeed) {
  const { projectId } = await params;
  const { user, project } = await projectFor(projectId);
  const allowed = (id: string) => (typeof need === "function" ? need(user, id) : !need || can(user, need, id));
  if (!project || !allowed(project.id)) notFound();
  return { user, project };
}

const indicatorFor = cache(async (projectId: string, indicatorId: string) => {
  const { user, project } = await projectFor(projectId);
  return { user, project, indicator: project ? await getIndicator(user, project.id, indicatorId) : null };
});

/** For an indicator page and its layout: not found unless the indicator is one of the project's. */
export async function gateIndicatorPage(params: Promise<{ projectId: string; indicatorId: string }>) {
  const { projectId, indicatorId } = await params;
  const { user, project, indicator } = await indicatorFor(projectId, indicatorId);
  if (!project || !indicator) notFound();
  return { user, project, indicator };
}

/** A project segment's layout that lets through only who may read the project and do `need`. */
export function gatedProjectLayout(need?: PageNeed) {
  // biome-ignore lint/correctness/noComponentHookFactories: made once per layout module, when it loads
  return async function GatedLayout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<{ projectId: string }>;
  }) {
    await gateProjectPage(params, need);
    return children;
  };
}
