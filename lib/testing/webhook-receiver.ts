// A local webhook receiver for tests: it checks each delivery's signature with the secret it is given
// and answers with the next status of `answers` (200 once they run out; 401 to a bad signature).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@/lib/domain/webhooks/signature";

type Received = { headers: Record<string, string | string[] | undefined>; body: string; verified: boolean };

/** A local receiver that checks each delivery's signature and answers with the next status of `answers`. */
export async function receiver(answers: number[]) {
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
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, state, close: () => new Promise((done) => server.close(done)) };
}
