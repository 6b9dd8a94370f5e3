// Finding a donor link by its token, for the page, the shared API and the proxy that sets the page's
// status and framing before it renders. Free of Next.js request imports so the proxy can load it.
import { timingSafeEqual } from "node:crypto";
import { hashToken, type SecretState, secretState } from "@/lib/domain/api-tokens/token";
import { parseShareOptions } from "@/lib/domain/share-links/options";
import { db } from "@/lib/platform/db";

const TOKEN_SHAPE = /^s_[A-Za-z0-9_-]{43}$/;

/** The link a token opens, whatever its state, or null. Looked up by hash, compared in constant time. */
export async function findShareLink(token: string) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const hash = hashToken(token);
  const link = await db().shareLink.findUnique({ where: { tokenHash: hash }, omit: { tokenHash: false } });
  if (!link || !timingSafeEqual(Buffer.from(link.tokenHash), Buffer.from(hash))) return null;
  return link;
}

export type ShareLinkGate = { state: SecretState | "unknown"; embedOrigins: string[] };

/** What the proxy needs before the donor page renders: the link's state and the sites that may frame it. */
export async function shareLinkGate(token: string, now = new Date()): Promise<ShareLinkGate> {
  const link = await findShareLink(token);
  if (!link) return { state: "unknown", embedOrigins: [] };
  const state = secretState(link, now);
  return { state, embedOrigins: state === "active" ? parseShareOptions(link.options).embedOrigins : [] };
}
