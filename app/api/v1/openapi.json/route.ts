import { openApiDocument } from "@/lib/api/openapi";

// Public: the API's description holds no data.
export function GET() {
  return Response.json(openApiDocument());
}
