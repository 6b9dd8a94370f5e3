// Invitations by e-mail, received by a real SMTP server started here (smtp-server on a free port).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { reloadEnv } from "@/lib/platform/env";
import { inviteMember } from "@/lib/server/projects/members";
import { reviewResults, saveResults } from "@/lib/server/results/entry";
import { requestPasswordReset, resetLinkWorks, resetPassword } from "@/lib/server/users/account";
import { principalFor, projectId } from "@/lib/testing/principals";

const received: { from: string; to: string[]; data: string }[] = [];
let server: SMTPServer;
let workingSmtpUrl = "";

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
  workingSmtpUrl = `smtp://127.0.0.1:${port}`;
  process.env.SMTP_URL = workingSmtpUrl;
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
  process.env.SMTP_URL = workingSmtpUrl;
  reloadEnv();
});

test("a forgotten password's link is e-mailed, works once, and an unknown address gets the same answer", async () => {
  const none = new Headers();
  const before = received.length;
  expect(await requestPasswordReset("Viewer@Example.org ", none)).toBe("sent");
  expect(await requestPasswordReset("nobody@example.org", none)).toBe("sent");
  expect(received.length).toBe(before + 1);
  const body = (received.at(-1)?.data ?? "").replace(/=\r?\n/g, "");
  const token = /\/reset\/(r_[A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? "";
  expect(received.at(-1)?.to).toEqual(["viewer@example.org"]);
  expect(await resetLinkWorks(db(), token)).toBe(true);
  expect(await resetPassword(token, "a brand new viewer passphrase")).toBe(true);
  expect(await resetPassword(token, "another new viewer passphrase")).toBe(false);
  // Three requests an hour per address, counted in the database.
  await requestPasswordReset("viewer@example.org", none);
  await requestPasswordReset("viewer@example.org", none);
  expect(await requestPasswordReset("viewer@example.org", none)).toBe("rateLimited");
});

/** Waits for the mails sent in the background after a save, to the given address. */
async function mailsTo(address: string, count: number) {
  for (let i = 0; i < 100 && received.filter((m) => m.to.includes(address)).length < count; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  // Quoted-printable bodies: soft line breaks joined, "=3D" back to "=".
  return received
    .filter((m) => m.to.includes(address))
    .map((m) =>
      m.data
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    );
}

test("managers hear of values submitted for review, evaluators of values returned with the comment", async () => {
  const evaluator = await principalFor("evaluator@example.org");
  const manager = await principalFor("manager@example.org");
  const peru = await projectId("PE-VEN-2021");
  const period = await db().reportingPeriod.create({
    data: { projectId: peru, label: "mail-test", startDate: new Date("2033-01-01"), endDate: new Date("2033-03-31") },
  });
  const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru, code: "OP1.1.2" } });
  const location = await db().location.findUniqueOrThrow({ where: { isoCode: "PE-TUM" } });
  const [submitted] = await saveResults(
    evaluator,
    peru,
    [{ indicatorId: indicator.id, periodId: period.id, locationId: location.id, value: 4 }],
    true,
  );
  const [toManager] = await mailsTo("manager@example.org", 1);
  expect(toManager).toContain(`/projects/${peru}/review`);
  expect(toManager).toMatch(/submitted 1 value for review/);

  await reviewResults(manager, peru, [
    { resultId: submitted?.id ?? "", version: submitted?.version ?? 0, decision: "return", comment: "Only three met" },
  ]);
  const [toEvaluator] = await mailsTo("evaluator@example.org", 1);
  expect(toEvaluator).toContain("OP1.1.2, Tumbes, mail-test");
  expect(toEvaluator).toContain("Only three met");
  expect(toEvaluator).toContain(`/projects/${peru}/entry?time=${period.id}`);
});
