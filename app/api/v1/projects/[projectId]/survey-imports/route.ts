import { summaryParams } from "@/lib/http/contracts/summary";
import { importSurveyBody } from "@/lib/http/contracts/survey";
import { apiRoute } from "@/lib/http/route";
import { importSurveyProblems } from "@/lib/http/survey-import";

export const POST = apiRoute({
  params: summaryParams,
  body: importSurveyBody,
  handler: ({ principal, params, body }) => importSurveyProblems(principal, params.projectId, body),
});
