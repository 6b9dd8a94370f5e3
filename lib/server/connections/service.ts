// A project's connections to KoboToolbox and ODK Central: kept by its managers, their credentials sealed
// (lib/platform/sealed-secrets.ts) and never read back out; "test connection" asks the server for the
// form's name and submission count.
import "server-only";
import {
  type ConnectionCredentials,
  connectionEditSchema,
  connectionInputSchema,
  credentialsOf,
  newCredentialsOf,
} from "@/lib/domain/connections/schema";
import { DomainError } from "@/lib/domain/errors";
import { assertCan, type Principal, requireUserId } from "@/lib/domain/permissions";
import type { Connection } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { assertOutboundUrl } from "@/lib/platform/net/outbound";
import { seal, unseal } from "@/lib/platform/sealed-secrets";
import { recordAudit } from "@/lib/server/audit/record";
import { defaultRemote, type RemoteOptions, RemoteRefused } from "./remote";
import { type FormInfo, koboServer, odkServer, type SurveyServer } from "./servers";

/** What the pages show of a connection: never its credentials. */
export type ConnectionView = { pushOn: boolean } & Pick<
  Connection,
  | "id"
  | "name"
  | "kind"
  | "serverUrl"
  | "assetUid"
  | "odkProject"
  | "odkForm"
  | "submit"
  | "scheduled"
  | "status"
  | "brokenReason"
  | "lastSeenAt"
  | "createdAt"
  | "version"
>;
const viewFields = {
  id: true,
  name: true,
  kind: true,
  serverUrl: true,
  assetUid: true,
  odkProject: true,
  odkForm: true,
  submit: true,
  scheduled: true,
  status: true,
  brokenReason: true,
  lastSeenAt: true,
  createdAt: true,
  version: true,
} as const;

export async function listConnections(principal: Principal, projectId: string): Promise<ConnectionView[]> {
  assertCan(principal, "connections.sync", projectId);
  const found = await db().connection.findMany({
    where: { projectId },
    select: { ...viewFields, pushSecretHash: true },
    orderBy: { createdAt: "asc" },
  });
  return found.map(({ pushSecretHash, ...c }) => ({ ...c, pushOn: pushSecretHash !== null }));
}

export async function createConnection(principal: Principal, projectId: string, raw: unknown): Promise<ConnectionView> {
  assertCan(principal, "connections.manage", projectId);
  const input = connectionInputSchema.parse(raw);
  await assertOutboundUrl(input.serverUrl, "serverUrl");
  return db().$transaction(async (tx) => {
    const created = await tx.connection.create({
      data: {
        projectId,
        name: input.name,
        kind: input.kind,
        serverUrl: input.serverUrl.replace(/\/+$/, ""),
        assetUid: input.kind === "KOBO" ? (input.assetUid ?? null) : null,
        odkProject: input.kind === "ODK_CENTRAL" ? (input.odkProject ?? null) : null,
        odkForm: input.kind === "ODK_CENTRAL" ? (input.odkForm ?? null) : null,
        secret: seal(JSON.stringify(credentialsOf(input))),
        submit: input.submit,
        scheduled: input.scheduled,
        createdById: requireUserId(principal),
      },
      select: viewFields,
    });
    // Never the credentials.
    await recordAudit(tx, {
      action: "connection.create",
      entityType: "Connection",
      entityId: created.id,
      projectId,
      actorUserId: requireUserId(principal),
      after: auditedFields(created),
    });
    return { ...created, pushOn: false };
  });
}

const auditedFields = (
  c: Pick<Connection, "kind" | "name" | "serverUrl" | "assetUid" | "odkProject" | "odkForm" | "submit" | "scheduled">,
) => ({
  kind: c.kind,
  name: c.name,
  serverUrl: c.serverUrl,
  assetUid: c.assetUid,
  odkProject: c.odkProject,
  odkForm: c.odkForm,
  submit: c.submit,
  scheduled: c.scheduled,
});

/** Another server, or another form on it: what was read from the old one means nothing for the new one. */
const targetOf = (c: Pick<Connection, "serverUrl" | "assetUid" | "odkProject" | "odkForm">) =>
  JSON.stringify([c.serverUrl, c.assetUid, c.odkProject, c.odkForm]);

/** Someone edited the connection since this was read: nothing was changed. */
export class StaleConnection extends DomainError {
  constructor(readonly current: { version: number }) {
    super("stale", { detail: "Changed by someone else since it was read", extra: { current } });
    this.name = "StaleConnection";
  }
}

/**
 * Edits a connection, named by the version that was read: its name, address, form, schedule and whether
 * it submits. Blank credentials keep the sealed ones; new ones replace them (and may mend a broken
 * connection: the next sync or test says). Its kind stays: another server is another connection.
 */
export async function updateConnection(
  principal: Principal,
  projectId: string,
  connectionId: string,
  raw: unknown,
): Promise<ConnectionView> {
  assertCan(principal, "connections.manage", projectId);
  const input = connectionEditSchema.parse(raw);
  await assertOutboundUrl(input.serverUrl, "serverUrl");
  const before = await connectionOf(projectId, connectionId);
  if (before.kind !== input.kind)
    throw new DomainError("validation", { fields: [{ field: "body.kind", code: "kindFixed" }] });
  if (before.version !== input.version) throw new StaleConnection({ version: before.version });
  const credentials = newCredentialsOf(input);
  // The sealed credentials were typed for their server: sent to another one (an address anyone who
  // manages the project could point at a server of theirs), they would be given away. So another
  // server needs them typed again; the error names the credential field.
  if (!credentials && new URL(input.serverUrl).origin !== new URL(before.serverUrl).origin)
    throw new DomainError("validation", {
      fields: [{ field: input.kind === "KOBO" ? "body.token" : "body.password", code: "credentialsRequired" }],
    });
  const data = {
    name: input.name,
    serverUrl: input.serverUrl.replace(/\/+$/, ""),
    assetUid: input.kind === "KOBO" ? (input.assetUid ?? null) : null,
    odkProject: input.kind === "ODK_CENTRAL" ? (input.odkProject ?? null) : null,
    odkForm: input.kind === "ODK_CENTRAL" ? (input.odkForm ?? null) : null,
    submit: input.submit,
    scheduled: input.scheduled,
  };
  const retarget = targetOf(before) !== targetOf(data);
  const now = new Date();
  return db().$transaction(async (tx) => {
    // The version in the where: an edit saved between the read and this write is not overwritten. A new
    // target also waits for no sync to hold the connection: a run of the old form would otherwise go on
    // saving its submissions (and moving the mark) after the reset below.
    const updated = await tx.connection.updateMany({
      where: {
        id: before.id,
        version: input.version,
        ...(retarget ? { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] } : {}),
      },
      data: {
        ...data,
        ...(credentials ? { secret: seal(JSON.stringify(credentials)) } : {}),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      const current = await connectionOf(projectId, connectionId);
      if (current.version === input.version)
        throw new DomainError("conflict", { detail: "A sync of this connection is running." });
      throw new StaleConnection({ version: current.version });
    }
    const pick = (c: typeof data) => auditedFields({ ...c, kind: before.kind });
    if (retarget) {
      // Pointed at another form: the next sync reads it all from the start. The old form's submissions
      // are not applied with the new one's, and an unfinished run's cursor (the old form's) is not resumed.
      await tx.connection.update({ where: { id: before.id }, data: { lastSeenAt: null, lastSeenId: null } });
      await tx.connectionSubmission.deleteMany({ where: { connectionId: before.id } });
      await tx.connectionSync.updateMany({
        where: { connectionId: before.id, trigger: { not: "push" }, status: { not: "DONE" } },
        data: { status: "FAILED", error: "superseded" },
      });
    }
    await recordAudit(tx, {
      action: "connection.update",
      entityType: "Connection",
      entityId: before.id,
      projectId,
      actorUserId: requireUserId(principal),
      before: pick(before),
      // Never the credentials: only that they were replaced.
      after: { ...pick(data), credentialsReplaced: credentials !== null },
    });
    const { pushSecretHash, ...view } = await tx.connection.findUniqueOrThrow({
      where: { id: before.id },
      select: { ...viewFields, pushSecretHash: true },
    });
    return { ...view, pushOn: pushSecretHash !== null };
  });
}

/** Deletes the connection, its stored submissions and history; the values it saved stay. */
export async function deleteConnection(principal: Principal, projectId: string, connectionId: string) {
  assertCan(principal, "connections.manage", projectId);
  await db().$transaction(async (tx) => {
    const found = await tx.connection.findFirst({ where: { id: connectionId, projectId } });
    if (!found) throw new DomainError("notFound");
    await tx.connection.delete({ where: { id: found.id } });
    await recordAudit(tx, {
      action: "connection.delete",
      entityType: "Connection",
      entityId: found.id,
      projectId,
      actorUserId: requireUserId(principal),
      before: auditedFields(found),
    });
  });
}

/** The connection of this project, with its sealed secret (server side only). */
export async function connectionOf(projectId: string, connectionId: string) {
  const found = await db().connection.findFirst({ where: { id: connectionId, projectId } });
  if (!found) throw new DomainError("notFound");
  return found;
}

/** The server behind a connection, with its credentials unsealed for this use only. */
export function serverOf(connection: Connection, remote: RemoteOptions = defaultRemote): SurveyServer {
  const credentials = JSON.parse(unseal(connection.secret)) as ConnectionCredentials;
  if (connection.kind === "KOBO")
    return koboServer(
      {
        serverUrl: connection.serverUrl,
        assetUid: connection.assetUid ?? "",
        token: "token" in credentials ? credentials.token : "",
      },
      remote,
    );
  return odkServer(
    {
      serverUrl: connection.serverUrl,
      project: connection.odkProject ?? 0,
      form: connection.odkForm ?? "",
      credentials: "token" in credentials ? { appUserToken: credentials.token } : credentials,
    },
    remote,
  );
}

/**
 * Marks the connection broken (credentials refused) or working again (null: the server answered). Any
 * other refusal (unreachable, busy, a bad answer, an address not allowed) says nothing about the
 * credentials and changes nothing: a broken connection stays broken.
 */
export async function markConnection(connectionId: string, error: RemoteRefused | null) {
  if (error && !error.breaks) return;
  await db().connection.update({
    where: { id: connectionId },
    data: error ? { status: "BROKEN", brokenReason: error.reason } : { status: "OK", brokenReason: null },
  });
}

export type ConnectionTest = { ok: true; form: FormInfo } | { ok: false; reason: string };

/** Reads the form's definition and submission count; a refusal of the credentials marks it broken. */
export async function testConnection(
  principal: Principal,
  projectId: string,
  connectionId: string,
  remote: RemoteOptions = defaultRemote,
): Promise<ConnectionTest> {
  assertCan(principal, "connections.sync", projectId);
  const connection = await connectionOf(projectId, connectionId);
  try {
    const form = await serverOf(connection, remote).formInfo();
    await markConnection(connection.id, null);
    return { ok: true, form };
  } catch (error) {
    if (!(error instanceof RemoteRefused)) throw error;
    if (error.breaks) await markConnection(connection.id, error);
    return { ok: false, reason: error.reason };
  }
}
