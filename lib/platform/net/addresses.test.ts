import { expect, test } from "vitest";
import { addressRefusal } from "./addresses";

test("addresses of the app's own machine and networks are refused, each with its range's name", () => {
  const refused: [string, string][] = [
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["169.254.169.254", "linkLocal"], // cloud metadata
    ["100.100.100.200", "cloudMetadata"], // Alibaba Cloud's, inside 100.64/10
    ["fd00:ec2::254", "cloudMetadata"], // AWS's, inside fc00::/7
    ["fd00:ec2::253", "private"],
    ["100.64.0.1", "sharedAddressSpace"],
    ["100.127.255.255", "sharedAddressSpace"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "reserved"],
    ["198.18.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "private"],
    ["fd12:3456:789a::1", "private"],
    ["fe80::1", "linkLocal"],
    ["fe80::1%eth0", "linkLocal"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["::ffff:127.0.0.1", "loopback"], // IPv4-mapped
    ["::ffff:7f00:1", "loopback"], // the same, in hex
    ["::ffff:169.254.169.254", "linkLocal"],
    ["::ffff:10.1.2.3", "private"],
    ["0:0:0:0:0:ffff:c0a8:0101", "private"], // ::ffff:192.168.1.1
    ["64:ff9b::10.0.0.1", "private"], // NAT64 to a private address
    ["::127.0.0.1", "reserved"], // IPv4-compatible (deprecated)
    ["2002:7f00:1::", "reserved"], // 6to4 of 127.0.0.1
    // Local-use NAT64 (RFC 8215, 64:ff9b:1::/48), judged by its IPv4 part as 64:ff9b::/96 is; a layout
    // other than the /96 one (IPv4 in the last 32 bits, zeros before) cannot be read for sure: refused.
    ["64:ff9b:1::a9fe:a9fe", "linkLocal"], // 169.254.169.254
    ["64:ff9b:1::10.0.0.1", "private"],
    ["64:ff9b:1::7f00:1", "loopback"],
    ["64:ff9b:1:a9fe:a9:fe00::", "reserved"], // 169.254.169.254 in the /48 layout (RFC 6052)
    ["64:ff9b:1:ffff::8.8.8.8", "reserved"],
    // IPv4-translated (SIIT, ::ffff:0:0:0/96), judged by its IPv4 part.
    ["::ffff:0:a9fe:a9fe", "linkLocal"],
    ["::ffff:0:127.0.0.1", "loopback"],
    ["::ffff:0:10.1.2.3", "private"],
    // IETF protocol assignments (2001::/23: 2001:0000 to 2001:01ff, Teredo included), SRv6 SIDs, documentation.
    ["2001:2::1", "reserved"], // benchmarking
    ["2001:10::1", "reserved"], // ORCHID
    ["2001:1ff:ffff::1", "reserved"], // the /23's last block
    ["2001:0:4136:e378::1", "reserved"], // Teredo
    ["5f00::1", "reserved"],
    ["5f00:ffff::1", "reserved"],
    ["3fff::1", "reserved"],
    ["3fff:fff:ffff::1", "reserved"], // the /20's end
  ];
  // All at once, so a failure lists every address judged wrongly.
  expect(refused.map(([address]) => [address, addressRefusal(address)])).toEqual(refused);
});

test("public addresses are allowed, also when mapped into IPv6; a name is not an address", () => {
  const allowed = [
    "8.8.8.8",
    "93.184.216.34",
    "172.32.0.1", // just past 172.16/12
    "100.128.0.1", // just past 100.64/10
    "169.255.0.1",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
    "64:ff9b:1::8.8.8.8", // local-use NAT64 to a public address
    "::ffff:0:8.8.8.8", // SIIT to a public address
    "2001:200::1", // just past 2001::/23 (WIDE, Japan)
    "5f01::1", // just past 5f00::/16
    "3ffe:ffff::1", // just before 3fff::/20
    "3fff:1000::1", // just past 3fff::/20
  ];
  expect(allowed.map((address) => [address, addressRefusal(address)])).toEqual(allowed.map((a) => [a, null]));
  expect(addressRefusal("localhost")).toBe("notAnAddress");
  expect(addressRefusal("127.0.0.1.example.org")).toBe("notAnAddress");
});
