// next-auth configuration: e-mail and password, single sign-on through OpenID Connect when configured
// (lib/platform/auth/oidc.ts), sessions in a signed cookie (JWT).
import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { OIDC_PROVIDER_ID, oidcProvider, oidcSettings, oidcUser } from "@/lib/platform/auth/oidc";
import { signInLimited } from "@/lib/platform/auth/sign-in-limit";
import { authSecret } from "@/lib/platform/env";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1) });

export function authOptions(): NextAuthOptions {
  const sso = oidcSettings();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const headers = new Headers(request?.headers as Record<string, string> | undefined);
          const signedIn = await signInLimited(parsed.data.email, parsed.data.password, headers);
          if (!signedIn) return null;
          // The browser is known to this account from now on (lib/platform/auth/device-cookie.ts). Next.js adds
          // cookies set here to the response next-auth's route handler returns.
          const { name, value, options } = signedIn.deviceCookie;
          (await cookies()).set(name, value, options);
          const { user } = signedIn;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...(sso ? [oidcProvider(sso)] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !sso) return account?.provider === "credentials";
        // Throws OidcRefused for an account that may not sign in: next-auth then sends the browser to
        // /login?error=<its code>, which the page explains.
        const matched = await oidcUser({ ...profile }, sso);
        // The session is the app's user, not the provider's subject: jwt() below reads user.id.
        Object.assign(user, matched);
        return true;
      },
      jwt({ token, user }) {
        // Set once at sign-in and carried by every refresh of the cookie (unlike "iat").
        if (user) {
          token.sub = user.id;
          token.signedInAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub }, signedInAt: token.signedInAt };
      },
    },
  };
}
