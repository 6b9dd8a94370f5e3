// Invitations by e-mail, received by a real SMTP server started here (smtp-server on a free port).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { reloadEnv } from "@/lib/env";
import { inviteMember } from "@/lib/projects/members";
import { principalFor, projectId } from "@/lib/testing/principals";

const received: { from: string; to: string[]; data: string }[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let data = "";
      stream.on("data", (chunk: Buffer) => {
        data += chunk.toString("utf8");
      });
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "M&E Dashboard <me@example.org>";
  reloadEnv();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  reloadEnv();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("an invitation is e-mailed in the inviter's language, with its one-time link", async () => {
  const admin = await principalFor("admin@example.org");
  const peru = await projectId("PE-VEN-2021");
  const invited = await inviteMember(
    admin,
    peru,
    { email: "field.officer@example.org", role: "EVALUATOR" },
    { appUrl: "https://me.example.org", locale: "es" },
  );
  expect(invited.emailed).toBe(true);
  const [mail] = received;
  expect(mail?.from).toBe("me@example.org");
  expect(mail?.to).toEqual(["field.officer@example.org"]);
  const body = (mail?.data ?? "").replace(/=\r?\n/g, "");
  expect(body).toContain(`https://me.example.org/invite/${invited.token}`);
  expect(body).toMatch(/Subject: =\?UTF-8\?|Subject: Le invitan/);
  expect(body).toContain("Evaluador");
});

test("when the SMTP server is unreachable the invitation still stands, with its link to pass on", async () => {
  process.env.SMTP_URL = "smtp://127.0.0.1:9";
  reloadEnv();
  const admin = await principalFor("admin@example.org");
  const invited = await inviteMember(admin, await projectId("PE-VEN-2021"), {
    email: "later@example.org",
    role: "VIEWER",
  });
  expect(invited).toMatchObject({ emailed: false, token: expect.stringMatching(/^i_/) });
});
