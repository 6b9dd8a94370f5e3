import { rotateSecretBody, webhookParams } from "@/lib/http/contracts/webhooks";
import { apiRoute } from "@/lib/http/route";
import { rotateWebhookSecret } from "@/lib/server/webhooks/service";

export const POST = apiRoute({
  params: webhookParams,
  body: rotateSecretBody,
  async handler({ principal, params, body }) {
    return rotateWebhookSecret(principal, params.projectId, params.webhookId, body.version);
  },
});
