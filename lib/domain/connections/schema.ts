// What a manager types to connect a project to a KoboToolbox or ODK Central server. Pure.
import { z } from "zod";
import { webAddress } from "@/lib/domain/validation/web-address";

const text = (max: number) => z.string().trim().max(max, "tooLong");

const connectionFields = z.object({
  name: text(100).min(1, "required"),
  kind: z.enum(["KOBO", "ODK_CENTRAL"]),
  /** No user name or password in it: the credentials have their own fields, sealed. */
  serverUrl: webAddress,
  /** KoboToolbox: the asset uid and an API token. */
  assetUid: text(100).optional(),
  token: text(500).optional(),
  /** ODK Central: the project id, the form id, and an e-mail and password or an app user's token. */
  odkProject: z.coerce.number({ error: "number" }).int("number").positive("number").optional(),
  odkForm: text(200).optional(),
  email: text(320).optional(),
  password: z.string().max(500, "tooLong").optional(),
  appUserToken: text(500).optional(),
  submit: z.boolean().default(false),
  /** Synced every hour as well as on demand. */
  scheduled: z.boolean().default(false),
});
type Fields = z.output<typeof connectionFields>;

/** The form's target on its server: an asset uid, or a project and a form. */
function needTarget(c: Fields, need: (field: keyof Fields) => void) {
  if (c.kind === "KOBO") need("assetUid");
  else {
    need("odkProject");
    need("odkForm");
  }
}

const needer = (c: Fields, ctx: z.RefinementCtx) => (field: keyof Fields) => {
  if (!c[field]) ctx.addIssue({ code: "custom", path: [field], message: "required" });
};

export const connectionInputSchema = connectionFields.superRefine((c, ctx) => {
  const need = needer(c, ctx);
  needTarget(c, need);
  if (c.kind === "KOBO") need("token");
  else if (!c.appUserToken) {
    need("email");
    need("password");
  }
});
export type ConnectionInput = z.output<typeof connectionInputSchema>;

/**
 * An edit of a connection, named by the version it was made on. Credentials may be left blank (the
 * sealed ones are kept); given, they replace them: for ODK Central an e-mail with its password, or an
 * app user's token.
 */
export const connectionEditSchema = connectionFields
  .extend({ version: z.coerce.number({ error: "number" }).int("number").positive("number") })
  .superRefine((c, ctx) => {
    const need = needer(c, ctx);
    needTarget(c, need);
    if (c.kind === "ODK_CENTRAL" && !c.appUserToken && (c.email || c.password)) {
      need("email");
      need("password");
    }
  });
export type ConnectionEdit = z.output<typeof connectionEditSchema>;

/** The sealed part of a connection: never sent to a browser, never logged. */
export type ConnectionCredentials = { token: string } | { email: string; password: string } | { appUserToken: string };

/** The credentials the input gives; an edit that leaves them blank gives none (null). */
export function newCredentialsOf(input: ConnectionEdit): ConnectionCredentials | null {
  if (input.kind === "KOBO") return input.token ? { token: input.token } : null;
  if (input.appUserToken || (input.email && input.password)) return credentialsOf(input);
  return null;
}

export function credentialsOf(input: ConnectionInput): ConnectionCredentials {
  if (input.kind === "KOBO") return { token: input.token ?? "" };
  if (input.appUserToken) return { appUserToken: input.appUserToken };
  return { email: input.email ?? "", password: input.password ?? "" };
}
