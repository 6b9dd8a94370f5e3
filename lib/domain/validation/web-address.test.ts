import { expect, test } from "vitest";
import { connectionInputSchema } from "@/lib/domain/connections/schema";
import { webhookInputSchema } from "@/lib/domain/webhooks/schema";
import { hasCredentials, webAddress, withoutCredentials } from "./web-address";

test("an address with a user name or password is refused as urlCredentials; others as before", () => {
  for (const bad of ["https://user:pass@example.org/hook", "http://user@example.org", "https://:secret@example.org"]) {
    expect(webAddress.safeParse(bad).error?.issues.map((i) => i.message)).toEqual(["urlCredentials"]);
  }
  expect(webAddress.safeParse("ftp://example.org").error?.issues.map((i) => i.message)).toEqual(["url"]);
  expect(webAddress.safeParse("not an address").error?.issues[0]?.message).toBe("url");
  expect(webAddress.parse(" https://example.org/hook?a=b@c ")).toBe("https://example.org/hook?a=b@c");
  expect(hasCredentials("https://example.org/a@b")).toBe(false);
});

test("credentials are taken out of every address in a text, the rest kept", () => {
  expect(
    withoutCredentials(
      "Request cannot be constructed from a URL that includes credentials: https://bob:s3cret@example.org/x?y=1",
    ),
  ).toBe("Request cannot be constructed from a URL that includes credentials: https://example.org/x?y=1");
  expect(withoutCredentials("a http://u@h/p and HTTP://u:p@h2 b")).toBe("a http://h/p and HTTP://h2 b");
  expect(withoutCredentials("HTTP 500 at https://example.org/a@b")).toBe("HTTP 500 at https://example.org/a@b");
});

test("a webhook and a connection refuse such an address on their own address field", () => {
  const webhook = webhookInputSchema.safeParse({ url: "https://u:p@example.org/x", events: ["results.approved"] });
  expect(webhook.error?.issues).toEqual([expect.objectContaining({ path: ["url"], message: "urlCredentials" })]);
  const connection = connectionInputSchema.safeParse({
    name: "Kobo",
    kind: "KOBO",
    serverUrl: "https://u:p@kf.example.org",
    assetUid: "a1",
    token: "t",
  });
  expect(connection.error?.issues).toEqual([
    expect.objectContaining({ path: ["serverUrl"], message: "urlCredentials" }),
  ]);
  expect(
    connectionInputSchema.safeParse({
      name: "Kobo",
      kind: "KOBO",
      serverUrl: "https://kf.example.org",
      assetUid: "a1",
      token: "t",
    }).success,
  ).toBe(true);
});
