import { summaryParams } from "@/lib/api/contracts/summary";
import { importSurveyBody } from "@/lib/api/contracts/survey";
import { apiRoute } from "@/lib/api/route";
import { importSurveyProblems } from "@/lib/api/survey-import";

export const POST = apiRoute({
  params: summaryParams,
  body: importSurveyBody,
  handler: ({ principal, params, body }) => importSurveyProblems(principal, params.projectId, body),
});
