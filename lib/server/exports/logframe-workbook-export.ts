import "server-only";
import { can, type Principal } from "@/lib/domain/permissions";
import { logframeCsv, logframeWorkbook } from "@/lib/formats/write/logframe-workbook";
import { projectDefinition } from "@/lib/server/projects/template";

/** A project's framework and targets as the logframe workbook; null when it is not readable. */
export async function projectLogframeFile(principal: Principal, projectId: string) {
  if (!can(principal, "project.read", projectId) || principal.kind !== "user") return null;
  const definition = await projectDefinition(principal, projectId);
  return {
    body: new Uint8Array(await logframeWorkbook(definition)),
    filename: `${definition.code}-logframe.xlsx`,
  };
}

/** The same as one CSV file (a section per sheet); null when the project is not readable. */
export async function projectLogframeCsv(principal: Principal, projectId: string) {
  if (!can(principal, "project.read", projectId) || principal.kind !== "user") return null;
  const definition = await projectDefinition(principal, projectId);
  return {
    body: new TextEncoder().encode(logframeCsv(definition)),
    filename: `${definition.code}-logframe.csv`,
  };
}
