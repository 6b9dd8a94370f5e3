import { z } from "zod";
import { definitionObject } from "@/lib/domain/projects/definition";
import {
  indicatorSchema,
  inviteSchema,
  projectDetailsSchema,
  roleSchema,
  targetCellSchema,
} from "@/lib/domain/projects/schemas";
import { calendarDayText } from "@/lib/domain/validation/dates";
import { summaryParams } from "./summary";
import { type RouteContract, xlsxMediaType } from "./types";

const issue = z.object({
  where: z.string().describe("Element, sheet cell or field, e.g. iati-activity[1]/result[2] or Targets!B7"),
  line: z.number().int().optional(),
  code: z.string(),
  detail: z.string().optional(),
});

const counts = z.object({
  locations: z.number().int(),
  periods: z.number().int(),
  rounds: z.number().int(),
  results: z.number().int(),
  indicators: z.number().int(),
  targets: z.number().int(),
  values: z.number().int(),
});
const projectLine = { code: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() };

export const importPreview = z.object({
  activities: z.array(z.object({ identifier: z.string(), title: z.string() })),
  project: z.object(projectLine).nullable(),
  counts: counts.nullable(),
  problems: z.array(issue),
  warnings: z.array(issue),
  projectId: z.string().optional().describe("Set when the project was created (the first of several)"),
  projects: z
    .array(z.object({ ...projectLine, counts, projectId: z.string().optional() }))
    .optional()
    .describe("Every project the file makes: one per chosen activity"),
  indicators: z
    .array(
      z.object({
        project: z.string(),
        code: z.string(),
        title: z.string(),
        measure: z.string(),
        baseline: z.string(),
        targets: z.array(z.string()),
        actuals: z.array(z.string()),
      }),
    )
    .optional()
    .describe("The indicators the file brings, with baseline, targets and actuals in short"),
});

const dryRun = z.boolean().default(false).describe("Only check and preview; nothing is saved");
const managers = z.array(z.string().email()).default([]).describe("E-mails of existing users made managers");

export const createProjectBody = z.object({ definition: definitionObject, managers, dryRun });

export const importProjectBody = z.object({
  format: z.enum(["iati", "spreadsheet"]),
  content: z.string().min(1).describe("IATI: the XML text. Spreadsheet: the XLSX file in base64"),
  activity: z.string().optional().describe("IATI files with several activities: the iati-identifier to import"),
  activities: z
    .array(z.string().min(1))
    .max(500)
    .optional()
    .describe(
      "IATI files with several activities: the iati-identifiers to import, each as its own project, all or nothing",
    ),
  code: z.string().optional().describe("A project code to use instead of the file's"),
  managers: managers.describe("E-mails of existing users made managers (default: the importer)"),
  evaluators: z.array(z.string().email()).default([]).describe("E-mails of existing users made evaluators"),
  dryRun,
});

export const copyProjectBody = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  startDate: calendarDayText,
  endDate: calendarDayText,
  managers,
});

export const indicatorParams = z.object({ projectId: z.string().min(1), indicatorId: z.string().min(1) });
export const memberParams = z.object({ projectId: z.string().min(1), userId: z.string().min(1) });

export const updateIndicatorBody = z.union([
  indicatorSchema,
  z.object({ archived: z.boolean().describe("Archive (true) or restore (false); indicators are never deleted") }),
]);
export const saveTargetsBody = z.object({ cells: z.array(targetCellSchema).min(1).max(5000) });
export const setRoleBody = z.object({ role: roleSchema });

const created = importPreview;
const setupProblems = ["unauthenticated", "forbidden", "validation", "conflict", "notFound"] as const;

export const createProjectContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects",
  operationId: "createProject",
  summary: "Create a project from a definition, all or nothing",
  description:
    "Instance admins and program managers (a program manager becomes the new project's manager). The definition holds the details, places (ISO 3166 codes), periods (made from the dates and frequency when absent), survey rounds, the logframe with indicators, targets and, optionally, results. Every problem is listed by path; nothing is created from an invalid definition.",
  tag: "Projects",
  auth: "session",
  body: createProjectBody,
  response: created,
  problems: [...setupProblems],
};

export const importProjectContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/import",
  operationId: "importProject",
  summary: "Import a project from an IATI 2.03 activity file or the logframe workbook",
  description:
    "Instance admins and program managers (who manage what they import). With dryRun, answers what would be created and every problem and warning by element or sheet cell. Without, creates the project all or nothing.",
  tag: "Projects",
  auth: "session",
  body: importProjectBody,
  response: importPreview,
  problems: ["unauthenticated", "forbidden", "validation"],
};

export const logframeTemplateContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/logframe-template.xlsx",
  operationId: "getLogframeTemplate",
  summary: "The blank logframe workbook, to fill in and import",
  tag: "Projects",
  auth: "session",
  response: z.string().describe("XLSX workbook"),
  responseMediaType: xlsxMediaType,
  problems: ["unauthenticated"],
};

export const projectLogframeContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/logframe.xlsx",
  operationId: "getProjectLogframe",
  summary: "The project's framework and targets as a logframe workbook (no results)",
  tag: "Projects",
  auth: "session",
  params: summaryParams,
  response: z.string().describe("XLSX workbook"),
  responseMediaType: xlsxMediaType,
  problems: ["unauthenticated", "notFound"],
};

export const logframeTemplateCsvContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/logframe-template.csv",
  operationId: "getLogframeTemplateCsv",
  summary: "The blank logframe as one CSV file (a section per sheet, each starting with a #Sheet line)",
  tag: "Projects",
  auth: "session",
  response: z.string().describe("CSV text"),
  responseMediaType: "text/csv",
  problems: ["unauthenticated"],
};

export const projectLogframeCsvContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/logframe.csv",
  operationId: "getProjectLogframeCsv",
  summary: "The project's framework and targets as the logframe CSV (no results)",
  tag: "Projects",
  auth: "session",
  params: summaryParams,
  response: z.string().describe("CSV text"),
  responseMediaType: "text/csv",
  problems: ["unauthenticated", "notFound"],
};

export const copyProjectContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/{projectId}/copy",
  operationId: "copyProject",
  summary: "Start a new phase from a project: its framework, places and life-of-project targets, without results",
  tag: "Projects",
  auth: "session",
  params: summaryParams,
  body: copyProjectBody,
  response: created,
  problems: [...setupProblems],
};

export const updateProjectContract: RouteContract = {
  method: "patch",
  path: "/api/v1/projects/{projectId}",
  operationId: "updateProject",
  summary: "Edit a project's details and places",
  description:
    "Managers of the project and admins. Send the version that was read; 409 with the saved details if it changed since.",
  tag: "Projects",
  auth: "session",
  params: summaryParams,
  body: projectDetailsSchema,
  response: z.object({ id: z.string(), version: z.number().int() }),
  problems: [...setupProblems],
};

export const createIndicatorContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/{projectId}/indicators",
  operationId: "createIndicator",
  summary: "Add an indicator to one of the project's results",
  tag: "Projects",
  auth: "session",
  params: summaryParams,
  body: indicatorSchema,
  response: z.object({ id: z.string(), version: z.number().int() }),
  problems: [...setupProblems],
};

export const updateIndicatorContract: RouteContract = {
  method: "patch",
  path: "/api/v1/projects/{projectId}/indicators/{indicatorId}",
  operationId: "updateIndicator",
  summary: "Edit an indicator (naming the version read), or archive or restore it",
  description: "The measure and source of an indicator with results, and dimensions that have values, cannot change.",
  tag: "Projects",
  auth: "session",
  params: indicatorParams,
  body: updateIndicatorBody,
  response: z.object({ id: z.string(), version: z.number().int() }),
  problems: [...setupProblems],
};

export const saveTargetsContract: RouteContract = {
  method: "put",
  path: "/api/v1/projects/{projectId}/targets",
  operationId: "saveTargets",
  summary: "Set targets, all or nothing",
  description:
    "Each cell is an indicator's target for the life of the project (no period or round) or a period or round, overall (no location) or for a place, overall or for an option. An empty cell removes the target. Send updatedAt as read (null for a new cell); 409 if it changed since.",
  tag: "Projects",
  auth: "session",
  params: summaryParams,
  body: saveTargetsBody,
  response: z.object({ changed: z.number().int() }),
  problems: [...setupProblems],
};

const member = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.string() });

export const listMembersContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/members",
  operationId: "listMembers",
  summary: "The project's team and pending invitations",
  tag: "Team",
  auth: "session",
  params: summaryParams,
  response: z.object({
    members: z.array(member),
    invitations: z.array(z.object({ id: z.string(), email: z.string(), role: z.string(), expiresAt: z.string() })),
  }),
  problems: ["unauthenticated", "forbidden"],
};

export const inviteMemberContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/{projectId}/members",
  operationId: "inviteMember",
  summary: "Invite someone by e-mail address (the one-time link is in the answer, once; e-mailed when SMTP is set)",
  description:
    "The answer is the same whether the address has an account or not. Someone new chooses a name and password with the link; someone with an account confirms with their password.",
  tag: "Team",
  auth: "session",
  params: summaryParams,
  body: inviteSchema,
  response: z.object({ invitationUrl: z.string(), emailed: z.boolean() }),
  problems: ["unauthenticated", "forbidden", "validation"],
};

export const setMemberRoleContract: RouteContract = {
  method: "patch",
  path: "/api/v1/projects/{projectId}/members/{userId}",
  operationId: "setMemberRole",
  summary: "Change a member's role",
  tag: "Team",
  auth: "session",
  params: memberParams,
  body: setRoleBody,
  response: z.object({ ok: z.boolean() }),
  problems: ["unauthenticated", "forbidden", "validation"],
};

export const removeMemberContract: RouteContract = {
  ...setMemberRoleContract,
  method: "delete",
  operationId: "removeMember",
  summary: "Remove a member (a project keeps at least one manager)",
  body: undefined,
};
