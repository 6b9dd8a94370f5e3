// Readiness: the database is reachable and every migration is applied (503 with what is missing otherwise).
import { db } from "@/lib/db";
import { readiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const state = await readiness(db());
  return Response.json(
    { status: state.ready ? "ready" : "unavailable", ...state },
    { status: state.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
