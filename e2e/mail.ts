// The mailbox of the end-to-end tests: what the SMTP sink (e2e/smtp-sink.ts) received, one file each.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const smtpPort = 2525;
export const mailDir = "./data/e2e-mail";

/** The messages sent to an address so far, oldest first, as their raw text. */
export function mailsTo(address: string): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(mailDir).sort();
  } catch {
    return [];
  }
  return files
    .map((f) => readFileSync(path.join(mailDir, f), "utf8"))
    .filter((m) =>
      m
        .split("\r\n", 1)[0]
        ?.split(",")
        .some((to) => to.endsWith(address)),
    );
}

/** A raw message made readable: folded headers unfolded, a quoted-printable body decoded. */
export function readable(raw: string): string {
  const [head = "", ...rest] = raw.split("\r\n\r\n");
  const headers = head.replace(/\r\n[ \t]+/g, " ");
  let body = rest.join("\r\n\r\n");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    body = Buffer.from(bytes, "latin1").toString("utf8");
  }
  return `${headers}\n\n${body}`;
}
