import { gatedProjectLayout } from "@/lib/server/projects/page-gate";

export default gatedProjectLayout("webhooks.manage");
