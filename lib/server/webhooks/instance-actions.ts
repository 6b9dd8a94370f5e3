"use server";
// The instance webhooks' forms on /admin/webhooks (admins only): the project webhooks' actions with no
// project, named apart so that each is listed (and checked) on its own in the access matrix.
import type { ActionState } from "@/lib/server/action";
import {
  type CreateWebhookState,
  createWebhookAction,
  deleteWebhookAction,
  rotateWebhookSecretAction,
  testWebhookAction,
  updateWebhookAction,
} from "./actions";

export async function createInstanceWebhookAction(previous: CreateWebhookState, form: FormData) {
  return createWebhookAction(null, previous, form);
}

export async function updateInstanceWebhookAction(previous: ActionState, form: FormData) {
  return updateWebhookAction(null, previous, form);
}

export async function rotateInstanceWebhookSecretAction(previous: CreateWebhookState, form: FormData) {
  return rotateWebhookSecretAction(null, previous, form);
}

export async function deleteInstanceWebhookAction(previous: ActionState, form: FormData) {
  return deleteWebhookAction(null, previous, form);
}

export async function testInstanceWebhookAction(previous: ActionState, form: FormData) {
  return testWebhookAction(null, previous, form);
}
