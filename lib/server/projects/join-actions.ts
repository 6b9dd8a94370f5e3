"use server";
import { redirect } from "next/navigation";
import { type ActionState, formAction } from "@/lib/server/action";
import { joinInvitation } from "./members";

/** The signed-in user accepts an invitation to their address with one click, and opens the project. */
export async function joinInvitationAction(token: string, _: ActionState, form: FormData): Promise<ActionState> {
  let projectId: string | undefined;
  const state = await formAction(form, {}, async (user) => {
    const joined = await joinInvitation(user, token);
    if (!joined) return { error: "failed" };
    projectId = joined.projectId;
  });
  if (projectId) redirect(`/projects/${projectId}`);
  return state;
}
