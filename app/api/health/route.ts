// Liveness: the process answers. Touches nothing else, so a slow database never restarts the app.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
