import { webhookUpdateSchema } from "@/lib/domain/webhooks/schema";
import { webhookParams } from "@/lib/http/contracts/webhooks";
import { apiRoute } from "@/lib/http/route";
import { deleteWebhook, updateWebhook } from "@/lib/server/webhooks/service";

export const PATCH = apiRoute({
  params: webhookParams,
  body: webhookUpdateSchema,
  async handler({ principal, params, body }) {
    return { webhook: await updateWebhook(principal, params.projectId, params.webhookId, body) };
  },
});

export const DELETE = apiRoute({
  params: webhookParams,
  async handler({ principal, params }) {
    await deleteWebhook(principal, params.projectId, params.webhookId);
    return { ok: true };
  },
});
