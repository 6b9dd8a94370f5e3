import { pushRoute } from "@/lib/http/connection-push";

export const POST = pushRoute;
