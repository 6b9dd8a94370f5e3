"use server";
// The connections page's forms: a manager adds, edits or deletes a connection; a manager or an evaluator tests
// one and runs its sync, whose answer is the sync's record (what it read, the values it changed).
import { revalidatePath } from "next/cache";
import { connectionEditSchema, connectionInputSchema } from "@/lib/domain/connections/schema";
import { env } from "@/lib/platform/env";
import { type ActionState, formAction } from "@/lib/server/action";
import { disablePush, enablePush } from "./push";
import { type ConnectionTest, createConnection, deleteConnection, testConnection, updateConnection } from "./service";
import { syncConnection } from "./sync";
import { type SyncView, syncView } from "./views";

const connectionFields = [
  "name",
  "kind",
  "serverUrl",
  "assetUid",
  "token",
  "odkProject",
  "odkForm",
  "email",
  "password",
  "appUserToken",
] as const;
/** Shown again after a refusal: never a token or a password. */
const kept = ["name", "kind", "serverUrl", "assetUid", "odkProject", "odkForm", "email", "submit", "scheduled"];

const path = (projectId: string) => `/projects/${projectId}/connections`;

function connectionInput(form: FormData) {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  return {
    name: text("name") ?? "",
    kind: text("kind") ?? "KOBO",
    serverUrl: text("serverUrl") ?? "",
    assetUid: text("assetUid"),
    token: text("token"),
    odkProject: text("odkProject"),
    odkForm: text("odkForm"),
    email: text("email"),
    password: text("password"),
    appUserToken: text("appUserToken"),
    submit: form.get("submit") === "on",
    scheduled: form.get("scheduled") === "on",
    version: text("version"),
  };
}

export async function createConnectionAction(
  projectId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return formAction(
    form,
    {
      permission: ["connections.manage", projectId],
      textFields: connectionFields,
      keep: kept,
      parse: {
        schema: connectionInputSchema,
        input: connectionInput,
        field: ({ path: p }) => String(p[0] ?? "") || null,
      },
    },
    async (user, input) => {
      await createConnection(user, projectId, input);
      revalidatePath(path(projectId));
      return { done: true };
    },
  );
}

/** A manager edits a connection (the form names its version); blank credentials keep the sealed ones. */
export async function updateConnectionAction(
  projectId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return formAction(
    form,
    {
      permission: ["connections.manage", projectId],
      textFields: connectionFields,
      keep: [...kept, "version", "connectionId"],
      parse: {
        schema: connectionEditSchema,
        input: connectionInput,
        field: ({ path: p }) => String(p[0] ?? "") || null,
      },
    },
    async (user, input) => {
      await updateConnection(user, projectId, String(form.get("connectionId") ?? ""), input);
      revalidatePath(path(projectId));
      return { done: true };
    },
  );
}

export async function deleteConnectionAction(
  projectId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return formAction(form, { permission: ["connections.manage", projectId], textFields: [] }, async (user) => {
    await deleteConnection(user, projectId, String(form.get("connectionId") ?? ""));
    revalidatePath(path(projectId));
    return { done: true };
  });
}

export type TestConnectionState = ActionState & { test?: ConnectionTest };

export async function testConnectionAction(
  projectId: string,
  _previous: TestConnectionState,
  form: FormData,
): Promise<TestConnectionState> {
  return formAction(
    form,
    { permission: ["connections.sync", projectId], textFields: [] },
    async (user): Promise<TestConnectionState> => {
      const test = await testConnection(user, projectId, String(form.get("connectionId") ?? ""));
      revalidatePath(path(projectId));
      return { test };
    },
  );
}

export type SyncConnectionState = ActionState & { sync?: SyncView };

export async function syncConnectionAction(
  projectId: string,
  _previous: SyncConnectionState,
  form: FormData,
): Promise<SyncConnectionState> {
  return formAction(
    form,
    { permission: ["connections.sync", projectId], textFields: [] },
    async (user): Promise<SyncConnectionState> => {
      const run = await syncConnection(user, projectId, String(form.get("connectionId") ?? ""), { trigger: "manual" });
      revalidatePath(path(projectId));
      return { sync: syncView(run) };
    },
  );
}

export type PushState = ActionState & { url?: string };

/** Turns push-in on (a new secret, its URL shown once) or off (`intent` off). */
export async function pushAction(projectId: string, _previous: PushState, form: FormData): Promise<PushState> {
  return formAction(
    form,
    { permission: ["connections.manage", projectId], textFields: [] },
    async (user): Promise<PushState> => {
      const connectionId = String(form.get("connectionId") ?? "");
      revalidatePath(path(projectId));
      if (form.get("intent") === "off") {
        await disablePush(user, projectId, connectionId);
        return { done: true };
      }
      const secret = await enablePush(user, projectId, connectionId);
      return { done: true, url: `${env().APP_URL}/api/v1/connections/${connectionId}/kobo-submissions/${secret}` };
    },
  );
}
