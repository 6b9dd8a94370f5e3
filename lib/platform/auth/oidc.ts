// Single sign-on through OpenID Connect, enabled by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.
// next-auth reads the issuer's discovery document at sign-in, sends the browser there with PKCE and a
// state, and checks the id token it gets back (the issuer's signature, issuer, audience, expiry). The
// provider's account is then matched to the app's user by its e-mail, when the provider says it is
// verified: nobody gets in through an address the provider did not check.
import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { recordSignIn } from "@/lib/platform/auth/sign-in-record";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";

/** next-auth's id for the provider: the callback the provider must allow is <APP_URL>/api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button says "Sign in with <label>". */
  label: string;
  /** Whether a verified e-mail without an account gets one (no password, no projects). */
  createUsers: boolean;
};

/** The configured provider, or null when single sign-on is off. */
export function oidcSettings(): OidcSettings | null {
  const config = env();
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: config.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    label: config.OIDC_LABEL,
    createUsers: config.OIDC_CREATE_USERS === "1",
  };
}

type Claims = { sub: string; email?: string; email_verified?: boolean | string; name?: string };

export function oidcProvider(settings: OidcSettings): OAuthConfig<Claims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.label,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    // The profile is the checked id token's claims (no userinfo call).
    idToken: true,
    checks: ["pkce", "state"],
    profile: (claims) => ({ id: claims.sub, email: claims.email ?? null, name: claims.name ?? null }),
  };
}

/** Why a provider's account may not sign in; next-auth sends the browser to /login?error=<code>. */
export type OidcRefusal = "SsoUnverified" | "SsoUnknown" | "SsoDeactivated";

export class OidcRefused extends Error {
  constructor(readonly code: OidcRefusal) {
    super(code);
    this.name = "OidcRefused";
  }
}

/**
 * The app's user for a provider's id token claims, its sign-in recorded; throws OidcRefused for an
 * e-mail the provider has not verified, a deactivated user, or (unless settings.createUsers) an e-mail
 * with no account. A created user has no password and no projects until someone adds them to one.
 */
export async function oidcUser(claims: Record<string, unknown>, settings: OidcSettings) {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const verified = claims.email_verified === true || claims.email_verified === "true";
  if (!email || email.length > 320 || !verified) throw new OidcRefused("SsoUnverified");
  const prisma = db();
  let user = await prisma.user.findUnique({ where: { email } });
  if (user?.deactivatedAt) throw new OidcRefused("SsoDeactivated");
  if (!user) {
    if (!settings.createUsers) throw new OidcRefused("SsoUnknown");
    const given = typeof claims.name === "string" ? claims.name.trim().slice(0, 200) : "";
    const name = given || (email.split("@")[0] ?? email);
    user = await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email, name, passwordHash: null } });
      await tx.auditEvent.create({
        data: {
          action: "user.sso.create",
          entityType: "User",
          entityId: created.id,
          actorUserId: created.id,
          after: { email, issuer: settings.issuer },
        },
      });
      return created;
    });
  }
  await recordSignIn(user.id, "oidc");
  return { id: user.id, email: user.email, name: user.name };
}
