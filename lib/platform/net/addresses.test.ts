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
  ];
  for (const [address, refusal] of refused) expect([address, addressRefusal(address)]).toEqual([address, refusal]);
});

test("public addresses are allowed, also when mapped into IPv6; a name is not an address", () => {
  for (const address of [
    "8.8.8.8",
    "93.184.216.34",
    "172.32.0.1", // just past 172.16/12
    "100.128.0.1", // just past 100.64/10
    "169.255.0.1",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
  ])
    expect([address, addressRefusal(address)]).toEqual([address, null]);
  expect(addressRefusal("localhost")).toBe("notAnAddress");
  expect(addressRefusal("127.0.0.1.example.org")).toBe("notAnAddress");
});
