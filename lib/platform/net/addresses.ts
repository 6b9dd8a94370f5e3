// Which IP addresses the app may send requests to on a user's behalf (a webhook's URL, a KoboToolbox or
// ODK Central server): only public ones. Anything that reaches the app's own machine or network — loopback,
// private ranges, link-local (the cloud metadata service at 169.254.169.254), carrier-grade NAT,
// multicast, unspecified, reserved — is refused, also when written as an IPv4-mapped or NAT64 IPv6
// address, so a user-given address cannot be used to probe or call what sits behind the server (SSRF).
// Pure: the decision only, on a literal address (lib/platform/net/outbound.ts resolves and connects).
import { isIP } from "node:net";

export type AddressRefusal =
  | "loopback"
  | "private"
  | "linkLocal"
  | "sharedAddressSpace"
  | "multicast"
  | "unspecified"
  | "reserved"
  | "notAnAddress";

type Range = readonly [prefix: number[], bits: number, refusal: AddressRefusal];

// IPv4 special-purpose ranges (IANA registry, RFC 6890 and successors).
const V4: Range[] = [
  [[0, 0, 0, 0], 8, "unspecified"], // "this network"; 0.0.0.0 reaches the host itself on Linux
  [[10, 0, 0, 0], 8, "private"],
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

// IPv6 ranges, as 16 bytes. ::ffff:0:0/96 (mapped) and 64:ff9b::/96 (NAT64) are judged by their IPv4 part.
const V6: Range[] = [
  [[], 128, "unspecified"], // ::
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, "loopback"], // ::1
  [[], 96, "reserved"], // ::a.b.c.d, the deprecated IPv4-compatible form
  [[0x01, 0x00], 64, "reserved"], // 100::/64 discard
  [[0x20, 0x01, 0x0d, 0xb8], 32, "reserved"], // documentation
  [[0x20, 0x01, 0x00, 0x00], 32, "reserved"], // Teredo (tunnels to an IPv4 address)
  [[0x20, 0x02], 16, "reserved"], // 6to4 (tunnels to an IPv4 address)
  [[0xfc], 7, "private"], // unique local fc00::/7
  [[0xfe, 0x80], 10, "linkLocal"],
  [[0xfe, 0xc0], 10, "private"], // site-local, deprecated
  [[0xff], 8, "multicast"],
];

const inRange = (bytes: number[], [prefix, bits]: Range) => {
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
  const embedsV4 =
    inRange(bytes, [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, "reserved"]) || // ::ffff:a.b.c.d
    inRange(bytes, [[0, 0x64, 0xff, 0x9b], 96, "reserved"]); // 64:ff9b::a.b.c.d
  if (embedsV4) return v4Refusal(bytes.slice(12)) ?? null;
  return V6.find((range) => inRange(bytes, range))?.[2] ?? null;
}
