"use server";
// The webhooks page's forms: a manager adds a webhook (its signing secret shown once), edits its address
// and events, pauses or resumes it, rotates its secret (the new one shown once), deletes one, or sends it
// a test delivery. All need webhooks.manage on the project, as the service checks again.
import { revalidatePath } from "next/cache";
import type { Permission } from "@/lib/domain/permissions";
import { webhookInputSchema, webhookUpdateSchema } from "@/lib/domain/webhooks/schema";
import { type ActionState, formAction } from "@/lib/server/action";
import { createWebhook, deleteWebhook, rotateWebhookSecret, sendTestDelivery, updateWebhook } from "./service";

// projectId null: the instance webhooks (/admin/webhooks, admins only; see instance-actions.ts).
const path = (projectId: string | null) => (projectId ? `/projects/${projectId}/webhooks` : "/admin/webhooks");

/** What the caller needs, checked before the form is read (an org permission takes no project). */
const permission = (projectId: string | null): readonly [Permission, string] =>
  projectId ? ["webhooks.manage", projectId] : ["webhooks.manageInstance", ""];

export type CreateWebhookState = ActionState & { secret?: string };

export async function createWebhookAction(
  projectId: string | null,
  _previous: CreateWebhookState,
  form: FormData,
): Promise<CreateWebhookState> {
  return formAction(
    form,
    {
      permission: permission(projectId),
      textFields: ["url"],
      keep: ["url"],
      parse: {
        schema: webhookInputSchema,
        input: (f) => ({ url: String(f.get("url") ?? ""), events: f.getAll("events").map(String) }),
        field: ({ path: p }) => String(p[0] ?? "") || null,
      },
    },
    async (user, input): Promise<CreateWebhookState> => {
      const { secret } = await createWebhook(user, projectId, input);
      revalidatePath(path(projectId));
      return { done: true, secret };
    },
  );
}

/** A button on one webhook (its id in the form): the service called with it, then the page shown again. */
function onWebhook(
  projectId: string | null,
  form: FormData,
  run: typeof deleteWebhook | typeof sendTestDelivery,
): Promise<ActionState> {
  return formAction(form, { permission: permission(projectId), textFields: [] }, async (user) => {
    await run(user, projectId, String(form.get("webhookId") ?? ""));
    revalidatePath(path(projectId));
    return { done: true };
  });
}

export async function deleteWebhookAction(
  projectId: string | null,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return onWebhook(projectId, form, deleteWebhook);
}

export async function testWebhookAction(
  projectId: string | null,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return onWebhook(projectId, form, sendTestDelivery);
}

/**
 * The edit form (url and events) and the pause/resume button (active alone) send this; both carry the
 * version the page was read at.
 */
export async function updateWebhookAction(
  projectId: string | null,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return formAction(
    form,
    {
      permission: permission(projectId),
      textFields: ["url"],
      keep: ["url"],
      parse: {
        schema: webhookUpdateSchema,
        input: (f) => ({
          version: f.get("version"),
          ...(f.has("url") ? { url: String(f.get("url") ?? ""), events: f.getAll("events").map(String) } : {}),
          ...(f.has("active") ? { active: f.get("active") === "true" } : {}),
        }),
        field: ({ path: p }) => String(p[0] ?? "") || null,
      },
    },
    async (user, input) => {
      await updateWebhook(user, projectId, String(form.get("webhookId") ?? ""), input);
      revalidatePath(path(projectId));
      return { done: true };
    },
  );
}

export async function rotateWebhookSecretAction(
  projectId: string | null,
  _previous: CreateWebhookState,
  form: FormData,
): Promise<CreateWebhookState> {
  return formAction(form, { permission: permission(projectId), textFields: [] }, async (user) => {
    const { secret } = await rotateWebhookSecret(
      user,
      projectId,
      String(form.get("webhookId") ?? ""),
      Number(form.get("version") ?? 0),
    );
    revalidatePath(path(projectId));
    return { done: true, secret };
  });
}
