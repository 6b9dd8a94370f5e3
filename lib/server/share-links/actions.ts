"use server";
import { revalidatePath } from "next/cache";
import { can } from "@/lib/domain/permissions";
import { currentUser } from "@/lib/platform/auth/session";
import { env } from "@/lib/platform/env";
import { type ActionState, formAction } from "@/lib/server/action";
import { setHeadlines } from "./donor-report";
import { createShareLink, newShareLinkSchema, revokeShareLink } from "./service";

/** The fields of the form that can carry their own error. */
const shareLinkFields = ["label", "expiresAt", "embedOrigins"] as const;
export type ShareLinkField = (typeof shareLinkFields)[number];
const isShareLinkField = (field: unknown): field is ShareLinkField =>
  (shareLinkFields as readonly unknown[]).includes(field);

export type CreateShareLinkState = ActionState & { url?: string };

/** The form's input: a date means the link works until the end of that day (UTC). */
function shareLinkInput(form: FormData) {
  const expiry = String(form.get("expiresAt") ?? "");
  return {
    label: form.get("label") ?? "",
    expiresAt: expiry ? new Date(`${expiry}T23:59:59.999Z`) : null,
    options: {
      showRegions: form.get("showRegions") === "on",
      showDisaggregations: form.get("showDisaggregations") === "on",
      showConfidenceIntervals: form.get("showConfidenceIntervals") === "on",
      showComments: form.get("showComments") === "on",
      // Sites separated by spaces or commas.
      embedOrigins: String(form.get("embedOrigins") ?? "")
        .split(/[\s,]+/)
        .filter(Boolean),
    },
  };
}

/** Form action: checks the session and the permission itself, validates, creates, returns the URL once. */
export async function createShareLinkAction(
  projectId: string,
  _previous: CreateShareLinkState,
  form: FormData,
): Promise<CreateShareLinkState> {
  return formAction(
    form,
    {
      permission: ["shareLinks.manage", projectId],
      textFields: shareLinkFields,
      parse: {
        schema: newShareLinkSchema,
        input: shareLinkInput,
        field: ({ path }) => {
          const field = path[0] === "options" ? path[1] : path[0];
          return isShareLinkField(field) ? field : null;
        },
      },
    },
    async (user, input) => {
      const { token } = await createShareLink(user, projectId, input);
      revalidatePath(`/projects/${projectId}/share`);
      return { done: true, url: `${env().APP_URL}/s/${token}` };
    },
  );
}

export async function revokeShareLinkAction(projectId: string, form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user || !can(user, "shareLinks.manage", projectId)) return;
  await revokeShareLink(user, projectId, String(form.get("linkId") ?? ""));
  revalidatePath(`/projects/${projectId}/share`);
}

export type HeadlinesState = ActionState;

/** The headline indicators the donor report opens with (managers). */
export async function headlinesAction(
  projectId: string,
  _previous: HeadlinesState,
  form: FormData,
): Promise<HeadlinesState> {
  return formAction(form, { permission: ["shareLinks.manage", projectId], textFields: [] }, async (user) => {
    await setHeadlines(user, projectId, form.getAll("headline").map(String));
    revalidatePath(`/projects/${projectId}/share`);
  });
}
