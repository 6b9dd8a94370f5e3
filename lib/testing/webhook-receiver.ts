// A local webhook receiver for tests: it checks each delivery's signature with the secret it is given
// and answers with the next status of `answers` (200 once they run out; 401 to a bad signature).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@/lib/domain/webhooks/signature";

type Received = { headers: Record<string, string | string[] | undefined>; body: string; verified: boolean };

/**
 * A local receiver that checks each delivery's signature and answers with the next status of `answers`;
 * `before` runs when a delivery has come in, and the answer waits for it and then `delayMs` (a slow one).
 */
export async function receiver(answers: number[], options: { delayMs?: number; before?: () => Promise<unknown> } = {}) {
  const received: Received[] = [];
  const state = { secret: "" };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const header = req.headers["x-me-signature"];
      const verdict = verifySignature(
        state.secret,
        body,
        typeof header === "string" ? header : null,
        Date.now() / 1000,
      );
      received.push({ headers: req.headers, body, verified: verdict.ok });
      res.statusCode = verdict.ok ? (answers.shift() ?? 200) : 401;
      void (async () => {
        await options.before?.();
        if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
        res.end();
      })();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, state, close: () => new Promise((done) => server.close(done)) };
}
