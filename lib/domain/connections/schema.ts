// What a manager types to connect a project to a KoboToolbox or ODK Central server. Pure.
import { z } from "zod";

const text = (max: number) => z.string().trim().max(max, "tooLong");

export const connectionInputSchema = z
  .object({
    name: text(100).min(1, "required"),
    kind: z.enum(["KOBO", "ODK_CENTRAL"]),
    serverUrl: z
      .string()
      .trim()
      .url("url")
      .refine((u) => /^https?:\/\//i.test(u), "url"),
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
  })
  .superRefine((c, ctx) => {
    const need = (field: keyof typeof c) => {
      if (!c[field]) ctx.addIssue({ code: "custom", path: [field], message: "required" });
    };
    if (c.kind === "KOBO") {
      need("assetUid");
      need("token");
    } else {
      need("odkProject");
      need("odkForm");
      if (!c.appUserToken) {
        need("email");
        need("password");
      }
    }
  });
export type ConnectionInput = z.output<typeof connectionInputSchema>;

/** The sealed part of a connection: never sent to a browser, never logged. */
export type ConnectionCredentials = { token: string } | { email: string; password: string } | { appUserToken: string };

export function credentialsOf(input: ConnectionInput): ConnectionCredentials {
  if (input.kind === "KOBO") return { token: input.token ?? "" };
  if (input.appUserToken) return { appUserToken: input.appUserToken };
  return { email: input.email ?? "", password: input.password ?? "" };
}
