import { deliveriesQuery, webhookParams } from "@/lib/http/contracts/webhooks";
import { apiRoute } from "@/lib/http/route";
import { listDeliveries } from "@/lib/server/webhooks/service";

export const GET = apiRoute({
  params: webhookParams,
  query: deliveriesQuery,
  async handler({ principal, params, query }) {
    const page = await listDeliveries(principal, params.projectId, params.webhookId, query);
    return { deliveries: page.items, nextCursor: page.nextCursor };
  },
});
