"use server";
// The webhooks page's forms: a manager adds a webhook (its signing secret shown once), deletes one, or
// sends it a test delivery.
import { revalidatePath } from "next/cache";
import { webhookInputSchema } from "@/lib/domain/webhooks/schema";
import { type ActionState, formAction } from "@/lib/server/action";
import { createWebhook, deleteWebhook, sendTestDelivery } from "./service";

const path = (projectId: string) => `/projects/${projectId}/webhooks`;

export type CreateWebhookState = ActionState & { secret?: string };

export async function createWebhookAction(
  projectId: string,
  _previous: CreateWebhookState,
  form: FormData,
): Promise<CreateWebhookState> {
  return formAction(
    form,
    {
      permission: ["webhooks.manage", projectId],
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

export async function deleteWebhookAction(
  projectId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return formAction(form, { permission: ["webhooks.manage", projectId], textFields: [] }, async (user) => {
    await deleteWebhook(user, projectId, String(form.get("webhookId") ?? ""));
    revalidatePath(path(projectId));
    return { done: true };
  });
}

export async function testWebhookAction(
  projectId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return formAction(form, { permission: ["webhooks.manage", projectId], textFields: [] }, async (user) => {
    await sendTestDelivery(user, projectId, String(form.get("webhookId") ?? ""));
    revalidatePath(path(projectId));
    return { done: true };
  });
}
