// What a manager types to add a webhook, and the events one may subscribe to. Pure.
import { z } from "zod";

/** The events a webhook may receive ("webhook.test" is sent only by the page's test button). */
export const WEBHOOK_EVENTS = ["results.approved", "results.returned"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | "webhook.test";

export const webhookInputSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "tooLong")
    .url("url")
    .refine((u) => /^https?:\/\//i.test(u), "url"),
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: "required" })).min(1, "required"),
});
export type WebhookInput = z.output<typeof webhookInputSchema>;
