// An SMTP server for the end-to-end tests: the PostgreSQL app instance sends its e-mail here, and each
// message is written to E2E_MAIL_DIR as a file for the tests to read (what a mailbox would receive).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const dir = process.env.E2E_MAIL_DIR ?? "data/e2e-mail";
const port = Number(process.env.E2E_SMTP_PORT ?? 2525);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, done) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((r) => r.address).join(",");
      writeFileSync(path.join(dir, `${Date.now()}-${++count}.eml`), `X-Envelope-To: ${to}\r\n${Buffer.concat(chunks)}`);
      done();
    });
  },
});
server.listen(port, "127.0.0.1", () => console.log(`SMTP sink on 127.0.0.1:${port}, writing to ${dir}`));
