import { z } from "zod";
import { apiRoute } from "@/lib/http/route";
import { studyFileDownload } from "@/lib/http/study-handlers";

// A study's document for a signed-in reader of the study (the study page's links).
export const GET = apiRoute({
  params: z.object({ studyId: z.string().min(1).max(64), fileId: z.string().min(1).max(64) }),
  async handler({ principal, params }) {
    return studyFileDownload(principal, params.studyId, params.fileId);
  },
});
