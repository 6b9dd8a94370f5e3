// The connecting socket's address on every request, where Next.js's route handlers can read it (they
// see headers, not the socket). Next.js only fills X-Forwarded-For in when the client sent none, so
// without proxies that header is whatever the client chose; this one is always written by the server.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { PEER_ADDRESS_HEADER, peerAddressStamp, setPeerAddressStamp } from "@/lib/platform/ops/client-address";

// Events whose first argument is a request Next.js will handle ("checkContinue": Expect: 100-continue).
const REQUEST_EVENTS = new Set(["request", "checkContinue", "checkExpectation", "upgrade"]);

/** Drops every copy of the header a client sent and writes "<stamp> <socket address>". */
export function stampPeerAddress(request: IncomingMessage, stamp: string): void {
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    if (raw[i]?.toLowerCase() === PEER_ADDRESS_HEADER) raw.splice(i, 2);
  }
  const address = request.socket?.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = `${stamp} ${address}`;
  else delete request.headers[PEER_ADDRESS_HEADER];
}

/**
 * Makes every HTTP(S) server of this process stamp its requests before any listener (Next.js's among
 * them) sees them. Idempotent; called by instrumentation.ts when a Node.js server process starts.
 */
export function installPeerAddress(): void {
  if (peerAddressStamp()) return;
  const stamp = randomBytes(18).toString("base64url");
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (typeof event === "string" && REQUEST_EVENTS.has(event)) stampPeerAddress(args[0] as IncomingMessage, stamp);
      return emit.call(this, event, ...args);
    };
  }
  setPeerAddressStamp(stamp);
}
