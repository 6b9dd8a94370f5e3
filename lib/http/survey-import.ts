import "server-only";
import type { z } from "zod";
import { refuseIfProblems } from "@/lib/domain/imports/preview-refusal";
import type { Principal } from "@/lib/domain/permissions";
import { bytesOf } from "@/lib/formats/read/table-rows";
import { importSurvey, readSurvey, savedSurveyRules } from "@/lib/server/survey/survey-import";
import type { importSurveyBody } from "./contracts/survey";
import { ApiProblem } from "./problem";

/**
 * A survey import as an API answer: the preview, or 400 with every problem and nothing saved. Without
 * rules in the body, the project's saved ones apply.
 */
export async function importSurveyProblems(
  principal: Principal,
  projectId: string,
  { content, format, fileName, rules: given, dryRun, submit }: z.output<typeof importSurveyBody>,
) {
  const rules = given ?? (await savedSurveyRules(principal, projectId));
  if (!rules) {
    throw new ApiProblem("validation", "This project has no saved survey rules: send them as `rules`", [
      { field: "body.rules", message: "required" },
    ]);
  }
  const source = bytesOf(format === "csv" ? content : Buffer.from(content, "base64"));
  const file = await readSurvey(format, source);
  const preview = await importSurvey(principal, projectId, file, { fileName, rules, dryRun, submit });
  return refuseIfProblems(preview, preview.problemCount, "Nothing was imported", (p) =>
    [p.indicator, p.table, `row ${p.row}`, p.column].filter(Boolean).join(", "),
  );
}
