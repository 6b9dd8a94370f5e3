// A real SMTP server on a free port (smtp-server) that keeps every mail it receives, for tests of what
// the app e-mails: SMTP_URL points at it while it runs.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { reloadEnv } from "@/lib/platform/env";

export type CapturedMail = { to: string[]; text: string };

export async function captureMail() {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let data = "";
      stream.on("data", (chunk: Buffer) => {
        data += chunk.toString("utf8");
      });
      stream.on("end", () => {
        // Quoted-printable: soft line breaks joined, "=XX" back to its byte.
        const text = Buffer.from(
          data
            .replace(/=\r?\n/g, "")
            .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          "latin1",
        ).toString("utf8");
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "M&E Dashboard <me@example.org>";
  reloadEnv();
  return {
    received,
    to: (address: string) => received.filter((m) => m.to.includes(address)),
    close: async () => {
      delete process.env.SMTP_URL;
      reloadEnv();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
