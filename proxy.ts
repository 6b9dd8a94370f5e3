// Runs before /api/v1 routes: a method a route does not answer gets a 405 problem with an Allow header
// (Next.js would answer an empty 405).
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/allowed-methods";

export function proxy(request: NextRequest) {
  return methodNotAllowed(request.nextUrl.pathname, request.method) ?? NextResponse.next();
}

export const config = { matcher: "/api/v1/:path*" };
