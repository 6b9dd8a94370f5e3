// Which IP addresses the app may send requests to on a user's behalf (a webhook's URL, a KoboToolbox or
// ODK Central server): only public ones. Anything that reaches the app's own machine or network — loopback,
// private ranges, link-local (the cloud metadata service at 169.254.169.254; the few clouds that answer
// elsewhere are named: cloudMetadata), carrier-grade NAT,
// multicast, unspecified, reserved — is refused, also when written as an IPv4-mapped, SIIT or NAT64 IPv6
// address, so a user-given address cannot be used to probe or call what sits behind the server (SSRF).
// Pure: the decision only, on a literal address (lib/platform/net/outbound.ts resolves and connects).
import { isIP } from "node:net";

export type AddressRefusal =
  | "loopback"
  | "private"
  | "linkLocal"
  | "cloudMetadata"
  | "sharedAddressSpace"
  | "multicast"
  | "unspecified"
  | "reserved"
  | "notAnAddress";

type Prefix = readonly [prefix: number[], bits: number];
type Range = readonly [prefix: number[], bits: number, refusal: AddressRefusal];

// IPv4 special-purpose ranges (IANA registry, RFC 6890 and successors).
const V4: Range[] = [
  [[0, 0, 0, 0], 8, "unspecified"], // "this network"; 0.0.0.0 reaches the host itself on Linux
  [[10, 0, 0, 0], 8, "private"],
  [[100, 100, 100, 200], 32, "cloudMetadata"], // Alibaba Cloud's metadata service, inside 100.64/10
  [[100, 64, 0, 0], 10, "sharedAddressSpace"], // carrier-grade NAT
  [[127, 0, 0, 0], 8, "loopback"],
  [[169, 254, 0, 0], 16, "linkLocal"],
  [[172, 16, 0, 0], 12, "private"],
  [[192, 0, 0, 0], 24, "reserved"], // IETF protocol assignments
  [[192, 0, 2, 0], 24, "reserved"], // documentation
  [[192, 88, 99, 0], 24, "reserved"], // 6to4 relay anycast
  [[192, 168, 0, 0], 16, "private"],
  [[198, 18, 0, 0], 15, "reserved"], // benchmarking
  [[198, 51, 100, 0], 24, "reserved"],
  [[203, 0, 113, 0], 24, "reserved"],
  [[224, 0, 0, 0], 4, "multicast"],
  [[240, 0, 0, 0], 4, "reserved"], // includes the broadcast 255.255.255.255
];

// IPv6 forms carrying an IPv4 address in their last 32 bits, judged by that address (a NAT64 gateway or
// a SIIT translator would connect to it): IPv4-mapped, IPv4-translated (SIIT), NAT64's well-known prefix,
// and the local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215) used as a /96 (zeros between, its usual layout).
const EMBEDS_V4: Prefix[] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96], // ::ffff:a.b.c.d
  [[0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0], 96], // ::ffff:0:a.b.c.d
  [[0, 0x64, 0xff, 0x9b], 96], // 64:ff9b::a.b.c.d
  [[0, 0x64, 0xff, 0x9b, 0, 1], 96], // 64:ff9b:1::a.b.c.d
];

// IPv6 ranges, as 16 bytes (after EMBEDS_V4).
const V6: Range[] = [
  [[], 128, "unspecified"], // ::
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, "loopback"], // ::1
  [[], 96, "reserved"], // ::a.b.c.d, the deprecated IPv4-compatible form
  [[0x01, 0x00], 64, "reserved"], // 100::/64 discard
  [[0x20, 0x01, 0x0d, 0xb8], 32, "reserved"], // documentation
  // IETF protocol assignments 2001:0000 to 2001:01ff: Teredo (tunnels to an IPv4 address), benchmarking,
  // ORCHID, anycast services; none is a server a user's address should name.
  [[0x20, 0x01, 0x00], 23, "reserved"],
  [[0x20, 0x02], 16, "reserved"], // 6to4 (tunnels to an IPv4 address)
  [[0x3f, 0xff, 0x00], 20, "reserved"], // documentation (RFC 9637)
  [[0x5f, 0x00], 16, "reserved"], // segment routing (SRv6) SIDs
  // Local-use NAT64 in another layout than the /96 (RFC 6052 puts the IPv4 part elsewhere for /48 to /64
  // prefixes): which IPv4 address it reaches cannot be read for sure.
  [[0, 0x64, 0xff, 0x9b, 0, 1], 48, "reserved"],
  [[0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, "cloudMetadata"], // AWS's, over IPv6
  [[0xfc], 7, "private"], // unique local fc00::/7
  [[0xfe, 0x80], 10, "linkLocal"],
  [[0xfe, 0xc0], 10, "private"], // site-local, deprecated
  [[0xff], 8, "multicast"],
];

const inRange = (bytes: number[], [prefix, bits]: Prefix | Range) => {
  for (let i = 0; i * 8 < bits; i++) {
    const take = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
};

const v4Bytes = (ip: string) => ip.split(".").map(Number);

/** The 16 bytes of an IPv6 address (a zone such as %eth0 ignored); valid input only (checked by isIP). */
function v6Bytes(ip: string): number[] {
  let text = ip.replace(/%.*$/, "");
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    tail.push(...v4Bytes(dotted));
    text = text.slice(0, -dotted.length);
    text = text.endsWith("::") ? text : text.replace(/:$/, "");
  }
  const [head, rest] = text.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":").filter(Boolean) : []);
  const before = groups(head);
  const after = groups(rest);
  const missing = 8 - tail.length / 2 - before.length - after.length;
  const words = [...before, ...Array(rest === undefined ? 0 : missing).fill("0"), ...after].map((g) =>
    Number.parseInt(g, 16),
  );
  return [...words.flatMap((w) => [w >> 8, w & 0xff]), ...tail];
}

function v4Refusal(bytes: number[]): AddressRefusal | null {
  return V4.find((range) => inRange(bytes, range))?.[2] ?? null;
}

/** Why the app may not connect to this literal address, or null when it is a public one. */
export function addressRefusal(address: string): AddressRefusal | null {
  const ip = address.replace(/^\[|\]$/g, "");
  const family = isIP(ip.replace(/%.*$/, ""));
  if (family === 4) return v4Refusal(v4Bytes(ip));
  if (family !== 6) return "notAnAddress";
  const bytes = v6Bytes(ip);
  if (EMBEDS_V4.some((prefix) => inRange(bytes, prefix))) return v4Refusal(bytes.slice(12));
  return V6.find((range) => inRange(bytes, range))?.[2] ?? null;
}
