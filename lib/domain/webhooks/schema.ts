// What a manager types to add or edit a webhook, and the events one may subscribe to. Pure.
import { z } from "zod";
import { webAddress } from "@/lib/domain/validation/web-address";

/**
 * The events a webhook may receive ("webhook.test" is sent only by the test button):
 * - results.submitted: values sent for review (not approved yet);
 * - results.approved / results.returned: a review's decisions;
 * - period.locked: a reporting period locked by a manager;
 * - project.figuresChanged: the project's data version moved on (coalesced by the sweep, at most one a minute).
 */
export const WEBHOOK_EVENTS = [
  "results.submitted",
  "results.approved",
  "results.returned",
  "period.locked",
  "project.figuresChanged",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | "webhook.test";

/**
 * Events that carry values not approved yet: a webhook receives them only while the user who added it may
 * still read the project's unapproved values (checked when the event is queued).
 */
export const UNAPPROVED_EVENTS: readonly WebhookEvent[] = ["results.submitted", "results.returned"];

/**
 * The events an instance webhook (every project's events) may take: not project.figuresChanged, whose
 * last announced version is kept once per webhook, not per project.
 */
export const INSTANCE_WEBHOOK_EVENTS = WEBHOOK_EVENTS.filter((e) => e !== "project.figuresChanged");

const events = z.array(z.enum(WEBHOOK_EVENTS, { error: "required" })).min(1, "required");

export const webhookInputSchema = z.object({ url: webAddress, events });
export type WebhookInput = z.output<typeof webhookInputSchema>;

/** An edit: the version it was read at, and what changes (a pause or resume is `active` alone). */
export const webhookUpdateSchema = z.object({
  version: z.coerce.number().int().min(1),
  url: webAddress.optional(),
  events: events.optional(),
  active: z.boolean().optional(),
});
export type WebhookUpdate = z.output<typeof webhookUpdateSchema>;
