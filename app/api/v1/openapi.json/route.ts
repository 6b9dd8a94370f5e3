import { openApiDocument } from "@/lib/http/openapi";

// Public: the API's description holds no data.
export function GET() {
  return Response.json(openApiDocument());
}
