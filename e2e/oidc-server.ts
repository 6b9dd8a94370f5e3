// A real OpenID Connect provider for the end-to-end tests (the oidc-provider package): discovery, PKCE,
// signed id tokens. Its development sign-in form takes any login and password; the login picks one of
// e2e/oidc.ts's accounts. Started by playwright.config.ts.
import Provider from "oidc-provider";
import { oidcAccounts, oidcClient, oidcIssuer, oidcPort, ssoAppUrl } from "./oidc";

const provider = new Provider(oidcIssuer, {
  clients: [
    {
      client_id: oidcClient.id,
      client_secret: oidcClient.secret,
      redirect_uris: [`${ssoAppUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // The scopes' claims go in the id token (the app reads the id token, not the userinfo endpoint).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ["e2e-oidc-cookie-key"] },
  async findAccount(_ctx, id) {
    const account = oidcAccounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: () => ({ sub: id, ...account }) };
  },
});

provider.listen(oidcPort, () => console.log(`OIDC provider at ${oidcIssuer}`));
