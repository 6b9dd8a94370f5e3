import { studyParams } from "@/lib/http/contracts/studies";
import { ApiProblem } from "@/lib/http/problem";
import { apiRoute } from "@/lib/http/route";
import { readStudy } from "@/lib/server/studies/service";

export const GET = apiRoute({
  params: studyParams,
  async handler({ principal, params }) {
    const study = await readStudy(principal, params.studyId);
    if (!study) throw new ApiProblem("notFound", "No such study, or no access to it");
    return study;
  },
});
