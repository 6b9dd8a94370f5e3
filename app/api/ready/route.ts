// Readiness: the database is reachable and every migration is applied (503 with what is missing otherwise).
import { instanceReadiness } from "@/lib/platform/ops/readiness";
import { isDraining } from "@/lib/platform/ops/shutdown";

export const dynamic = "force-dynamic";

export async function GET() {
  if (isDraining()) {
    return Response.json(
      { status: "draining", ready: false },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
  const state = await instanceReadiness();
  return Response.json(
    { status: state.ready ? "ready" : "unavailable", ...state },
    { status: state.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
