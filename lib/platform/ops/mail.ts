// E-mail through the SMTP server in SMTP_URL. Without one nothing is sent and callers show the link to
// pass on by hand instead (the interface always can).
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/platform/env";
import { log } from "./log";

export type Mail = { to: string; subject: string; text: string };

const transports = new Map<string, Transporter>();

/** Sends a mail when SMTP is configured: true when the server took it, false when there is no server. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return false;
  let transport = transports.get(SMTP_URL);
  if (!transport) {
    transport = nodemailer.createTransport(SMTP_URL);
    transports.set(SMTP_URL, transport);
  }
  try {
    await transport.sendMail({ from: MAIL_FROM, ...mail });
    return true;
  } catch (error) {
    // The link stays available in the interface: a mail that fails is reported, never fatal.
    log.warn({ err: error, to: mail.to.replace(/^[^@]*/, "…") }, "mail not sent");
    return false;
  }
}
