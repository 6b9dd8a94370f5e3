// KoboToolbox REST Service posts for a connection (push in): the secret in the path or in the
// X-Connection-Secret header, checked in constant time; the body is one submission as JSON, at most
// PUSH_BODY_LIMIT bytes; a bad one is refused with a problem. Answers with the batch's id.
import "server-only";
import { z } from "zod";
import { PUSH_BODY_LIMIT, pushedSubmission, pushTarget, receivePush } from "@/lib/server/connections/push";
import { readTextLimited } from "./body-limit";
import { ApiProblem } from "./problem";
import { apiRoute } from "./route";

export const pushParams = z.object({
  connectionId: z.string().min(1).max(100),
  secret: z.string().max(200).optional(),
});

export const pushRoute = apiRoute({
  params: pushParams,
  authenticate: async ({ params, request }) => {
    const connection = await pushTarget(
      params.connectionId,
      params.secret ?? request.headers.get("x-connection-secret"),
    );
    if (!connection) throw new ApiProblem("unauthenticated", "Unknown connection or wrong secret");
    return connection;
  },
  handler: async ({ principal: connection, request }) => {
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json"))
      throw new ApiProblem("validation", "Send the submission as application/json", [
        { field: "body", message: "contentType" },
      ]);
    const text = await readTextLimited(request, PUSH_BODY_LIMIT);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ApiProblem("validation", "The body is not JSON", [{ field: "body", message: "notJson" }]);
    }
    const parsed = pushedSubmission.safeParse(raw);
    if (!parsed.success)
      throw new ApiProblem(
        "validation",
        "Not a KoboToolbox submission",
        parsed.error.issues.map((i) => ({ field: ["body", ...i.path].join("."), message: i.message })),
      );
    return receivePush(connection, parsed.data);
  },
});
