import { once } from "node:events";
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { clientAddress, clientNetwork, PEER_ADDRESS_HEADER, peerAddress, peerAddressStamp } from "./client-address";
import { installPeerAddress } from "./peer-address";

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

test("behind proxies, the client's address comes only from what the configured proxies wrote", () => {
  const spoofed = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
  expect(clientAddress(spoofed, 0)).toBeNull(); // without proxies, never from X-Forwarded-For
  expect(clientAddress(spoofed, 1)).toBe("203.0.113.7");
  expect(clientAddress(spoofed, 2)).toBe("6.6.6.6");
  expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }), 2)).toBeNull();
});

test("a peer-address header is taken only with this process's stamp", () => {
  expect(peerAddress(new Headers({ [PEER_ADDRESS_HEADER]: "s3cret 192.0.2.1" }), "s3cret")).toBe("192.0.2.1");
  // Sent by a client that does not know the stamp, or before the server stamped anything.
  expect(peerAddress(new Headers({ [PEER_ADDRESS_HEADER]: "guess 192.0.2.1" }), "s3cret")).toBeNull();
  expect(peerAddress(new Headers({ [PEER_ADDRESS_HEADER]: "s3cret 192.0.2.1" }), undefined)).toBeNull();
  expect(peerAddress(new Headers({ [PEER_ADDRESS_HEADER]: "s3cret192.0.2.1" }), "s3cret")).toBeNull();
  expect(peerAddress(new Headers(), "s3cret")).toBeNull();
});

test("per-client limits count an IPv6 client by its /64 network and an IPv4 one by its address", () => {
  expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
  expect(clientNetwork("::ffff:203.0.113.7")).toBe("203.0.113.7");
  expect(clientNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
  expect(clientNetwork("2001:DB8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
  expect(clientNetwork("2001:0db8:0000:0002::5")).toBe("2001:db8:0:2::/64");
  expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
  expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
  expect(clientNetwork("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  expect(clientNetwork("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
});

// A real server and real sockets: what Next.js's handlers see once instrumentation.ts has run.
let server: http.Server;
let seen: Headers[] = [];
let base = "";

beforeAll(async () => {
  installPeerAddress();
  server = http.createServer((request, response) => {
    seen.push(toHeaders(request.headers));
    response.end("ok");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("without proxies the client is the connecting socket, whatever X-Forwarded-For or the peer header it sends", async () => {
  seen = [];
  await fetch(`${base}/`);
  await fetch(`${base}/`, {
    headers: { "x-forwarded-for": "6.6.6.6", [PEER_ADDRESS_HEADER]: "forged 6.6.6.6", "X-Me-Peer-Address": "6.6.6.7" },
  });
  await fetch(`${base}/`, { headers: { "x-forwarded-for": "203.0.113.99, 198.51.100.1" } });
  expect(seen).toHaveLength(3);
  expect(peerAddressStamp()).toBeTruthy();
  for (const headers of seen) {
    expect(clientAddress(headers, 0)).toBe("127.0.0.1");
    expect(headers.get(PEER_ADDRESS_HEADER)).toBe(`${peerAddressStamp()} 127.0.0.1`);
  }
  // Behind one trusted proxy, the entry it wrote (here forged: no proxy is in front of this server).
  expect(clientAddress(seen[2] as Headers, 1)).toBe("198.51.100.1");
  // Installing again changes nothing (one stamp, one wrapper per process).
  const stamp = peerAddressStamp();
  installPeerAddress();
  expect(peerAddressStamp()).toBe(stamp);
});
