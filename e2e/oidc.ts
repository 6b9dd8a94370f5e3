// The OpenID Connect provider of the end-to-end tests (e2e/oidc-server.ts, oidc-provider): one client,
// the app instance on port 3102 (playwright.config.ts), and a few accounts signed in by their login.
export const oidcPort = 3109;
export const oidcIssuer = `http://localhost:${oidcPort}`;
export const oidcClient = { id: "me-dashboard-e2e", secret: "e2e-oidc-client-secret-not-for-real-use" };
/** The app instance that signs in through the provider, and the callback registered for it. */
export const ssoAppUrl = "http://localhost:3102";
export const oidcLabel = "Example ID";

/** The provider's accounts by login: the demo program manager (verified), an unverified, an unknown and a deactivated e-mail. */
export const oidcAccounts: Record<string, { email: string; email_verified: boolean; name: string }> = {
  programs: { email: "programs@example.org", email_verified: true, name: "Paula Programs" },
  unverified: { email: "manager@example.org", email_verified: false, name: "Not Verified" },
  stranger: { email: "stranger@example.org", email_verified: true, name: "Sam Stranger" },
  // An account e2e/sso.pg.spec.ts makes and deactivates.
  departed: { email: "departed@example.org", email_verified: true, name: "Dana Departed" },
};
