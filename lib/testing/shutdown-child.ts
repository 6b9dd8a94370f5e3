// A server-like process for lib/platform/ops/shutdown.integration.test.ts: opens the configured database, listens
// for SIGTERM as the app does, and on SIGTERM behaves as Next.js does (answers what is in flight, then
// calls process.exit). It says "up" once it serves, and what /api/ready answers while it drains.
import { GET as ready } from "@/app/api/ready/route";
import { db } from "@/lib/platform/db";
import { drainOnSignal } from "@/lib/platform/ops/shutdown";

await db().project.count();
drainOnSignal();
process.once("SIGTERM", () => {
  setTimeout(async () => {
    const answer = await ready();
    console.log(`ready: ${answer.status} ${JSON.stringify(await answer.json())}`);
    process.exit(143);
  }, 100);
});
console.log("up");
setInterval(() => {}, 1000); // a server stays up until asked to stop
