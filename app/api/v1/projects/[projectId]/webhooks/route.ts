import { webhookInputSchema } from "@/lib/domain/webhooks/schema";
import { summaryParams } from "@/lib/http/contracts/summary";
import { apiRoute } from "@/lib/http/route";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks/service";

export const GET = apiRoute({
  params: summaryParams,
  async handler({ principal, params }) {
    const webhooks = await listWebhooks(principal, params.projectId);
    return { webhooks: webhooks.map(({ deliveries: _, ...w }) => w) };
  },
});

export const POST = apiRoute({
  params: summaryParams,
  body: webhookInputSchema,
  async handler({ principal, params, body }) {
    return createWebhook(principal, params.projectId, body);
  },
});
