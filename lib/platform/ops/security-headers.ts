// The headers every page answers with (proxy.ts): a Content-Security-Policy whose scripts need this
// request's nonce (Next.js puts it on its own scripts), framing refused unless a donor link allows a
// site, and HSTS when the app is served over HTTPS.

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export type PolicyInput = {
  nonce: string;
  /** Next's development server evaluates code for hot reloading. */
  development: boolean;
  /** Sites that may show the page in a frame (a donor link's embedding sites); none by default. */
  frameAncestors: readonly string[];
  https: boolean;
};

export function contentSecurityPolicy({ nonce, development, frameAncestors, https }: PolicyInput): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonce'd bootstrap load Next's chunks; no inline script runs without it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React and the charts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Charts are saved as pictures through data: and blob: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The entry page's offline worker (public/sw.js): 'strict-dynamic' would refuse it otherwise.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(" ") : "'none'"}`,
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Two years, as the HSTS preload list asks; only ever sent over HTTPS. */
export const strictTransportSecurity = "max-age=63072000; includeSubDomains";

/** Whether the app is served over HTTPS: its public address says so, or the trusted proxy in front does. */
export function servedOverHttps(appUrl: string | undefined, forwardedProto: string | null, trustedHops: number) {
  if (appUrl?.startsWith("https://")) return true;
  return trustedHops > 0 && forwardedProto?.split(",")[0]?.trim() === "https";
}
