import { studyInput } from "@/lib/domain/studies/input";
import { studiesQuery } from "@/lib/http/contracts/studies";
import { apiRoute } from "@/lib/http/route";
import { searchStudyPage } from "@/lib/server/studies/search";
import { createStudy } from "@/lib/server/studies/service";

export const GET = apiRoute({
  query: studiesQuery,
  async handler({ principal, query }) {
    return searchStudyPage(principal, query, query.limit);
  },
});

export const POST = apiRoute({
  body: studyInput,
  async handler({ principal, body }) {
    return createStudy(principal, body);
  },
});
