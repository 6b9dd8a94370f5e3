"use server";
import { revalidatePath } from "next/cache";
import { can } from "@/lib/domain/permissions";
import { formValues } from "@/lib/domain/validation/form-values";
import { unstorableFormFields } from "@/lib/domain/validation/text";
import { currentUser } from "@/lib/platform/auth/session";
import { env } from "@/lib/platform/env";
import { setHeadlines, TooManyHeadlines } from "./donor-report";
import { createShareLink, newShareLinkSchema, revokeShareLink } from "./service";

/** The fields of the form that can carry their own error. */
const shareLinkFields = ["label", "expiresAt", "embedOrigins"] as const;
export type ShareLinkField = (typeof shareLinkFields)[number];
const isShareLinkField = (field: unknown): field is ShareLinkField =>
  (shareLinkFields as readonly unknown[]).includes(field);

export type CreateShareLinkState = {
  fieldErrors?: Partial<Record<ShareLinkField, string>>;
  message?: "notAllowed" | "created";
  url?: string;
  /** What was typed, shown again after a refusal. */
  values?: Record<string, string>;
};

/** Form action: checks the session and the permission itself, validates, creates, returns the URL once. */
export async function createShareLinkAction(
  projectId: string,
  _previous: CreateShareLinkState,
  form: FormData,
): Promise<CreateShareLinkState> {
  const user = await currentUser();
  if (!user || !can(user, "shareLinks.manage", projectId)) return { message: "notAllowed" };
  const unstorable = unstorableFormFields(form).find(isShareLinkField);
  if (unstorable) return { fieldErrors: { [unstorable]: "invalidCharacters" }, values: formValues(form) };
  const expiry = String(form.get("expiresAt") ?? "");
  const parsed = newShareLinkSchema.safeParse({
    label: form.get("label") ?? "",
    // A date means the link works until the end of that day (UTC).
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
  });
  if (!parsed.success) {
    const fieldErrors: CreateShareLinkState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "options" ? issue.path[1] : issue.path[0];
      if (isShareLinkField(field)) fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors, values: formValues(form) };
  }
  const { token } = await createShareLink(user, projectId, parsed.data);
  revalidatePath(`/projects/${projectId}/share`);
  return { message: "created", url: `${env().APP_URL}/s/${token}` };
}

export async function revokeShareLinkAction(projectId: string, form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user || !can(user, "shareLinks.manage", projectId)) return;
  await revokeShareLink(user, projectId, String(form.get("linkId") ?? ""));
  revalidatePath(`/projects/${projectId}/share`);
}

export type HeadlinesState = { message?: "notAllowed" | "saved" | "tooMany" };

/** The headline indicators the donor report opens with (managers). */
export async function headlinesAction(
  projectId: string,
  _previous: HeadlinesState,
  form: FormData,
): Promise<HeadlinesState> {
  const user = await currentUser();
  if (!user || !can(user, "shareLinks.manage", projectId)) return { message: "notAllowed" };
  try {
    await setHeadlines(user, projectId, form.getAll("headline").map(String));
  } catch (error) {
    if (error instanceof TooManyHeadlines) return { message: "tooMany" };
    throw error;
  }
  revalidatePath(`/projects/${projectId}/share`);
  return { message: "saved" };
}
