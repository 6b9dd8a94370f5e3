import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id?: string };
    /** When this session signed in (ms): sessions before the user's sessionsRevokedAt no longer count. */
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    signedInAt?: number;
  }
}
