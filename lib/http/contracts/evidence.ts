import { z } from "zod";
import { sharedParams } from "./shared";
import { summaryParams } from "./summary";
import type { RouteContract } from "./types";

export const evidenceParams = summaryParams.extend({ evidenceId: z.string().min(1) });
export const sharedEvidenceParams = sharedParams.extend({ evidenceId: z.string().min(1) });

export const evidenceListQuery = z.object({
  result: z.string().optional().describe("Files of this value"),
  period: z.string().optional().describe("Files of this period's report and of its values"),
  round: z.string().optional().describe("Files of this survey round's report and of its values"),
});

export const evidenceUploadQuery = z
  .object({
    result: z.string().optional().describe("Attach to this value"),
    period: z.string().optional().describe("Attach to this period's report"),
    round: z.string().optional().describe("Attach to this survey round's report"),
    name: z.string().trim().min(1).max(200).describe("The file's name, e.g. attendance-march.pdf"),
  })
  .refine((q) => [q.result, q.period, q.round].filter(Boolean).length === 1, {
    path: ["result"],
    message: "oneTarget",
  });

export const evidenceShareBody = z.object({
  sharedWithDonors: z.boolean().describe("Whether the project's donor links may download the file"),
});

export const evidenceItem = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  resultId: z.string().nullable(),
  periodId: z.string().nullable(),
  roundId: z.string().nullable(),
  sharedWithDonors: z.boolean(),
  uploadedBy: z.string().nullable(),
  mine: z.boolean(),
  createdAt: z.string(),
});

const tag = "Evidence";
const fileAnswer = z.string().describe("The file's bytes, as an attachment");

export const listEvidenceContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/evidence",
  operationId: "listEvidence",
  summary: "Evidence files of a project, a value, a period or a round, as the caller may see them",
  description: "Viewers see the files of approved values and of reports; those who enter or review results see all.",
  tag,
  auth: "session",
  params: summaryParams,
  query: evidenceListQuery,
  response: z.object({ files: z.array(evidenceItem) }),
  problems: ["unauthenticated", "forbidden", "validation"],
};

export const uploadEvidenceContract: RouteContract = {
  method: "post",
  path: "/api/v1/projects/{projectId}/evidence",
  operationId: "uploadEvidence",
  summary: "Attach a file (photo, PDF, office document, CSV) to a value or a period's or round's report",
  description:
    "The body is the file itself (Content-Type application/octet-stream). Its kind is told by its bytes; HTML, scripts and archives are refused. Limits per file (MAX_EVIDENCE_BYTES) and per project (MAX_PROJECT_EVIDENCE_BYTES).",
  tag,
  auth: "session",
  params: summaryParams,
  query: evidenceUploadQuery,
  body: z.string().describe("The file"),
  bodyMediaTypes: ["application/octet-stream"],
  response: evidenceItem,
  problems: ["unauthenticated", "forbidden", "validation", "notFound", "payloadTooLarge"],
};

export const getEvidenceContract: RouteContract = {
  method: "get",
  path: "/api/v1/projects/{projectId}/evidence/{evidenceId}",
  operationId: "getEvidence",
  summary: "Download an evidence file, as its value may be seen",
  tag,
  auth: "session",
  params: evidenceParams,
  response: fileAnswer,
  responseMediaType: "application/octet-stream",
  problems: ["unauthenticated", "notFound"],
};

export const updateEvidenceContract: RouteContract = {
  method: "patch",
  path: "/api/v1/projects/{projectId}/evidence/{evidenceId}",
  operationId: "updateEvidence",
  summary: "Share a file with the project's donor links, or stop sharing it (managers)",
  tag,
  auth: "session",
  params: evidenceParams,
  body: evidenceShareBody,
  response: evidenceItem,
  problems: ["unauthenticated", "forbidden", "validation", "notFound"],
};

export const deleteEvidenceContract: RouteContract = {
  method: "delete",
  path: "/api/v1/projects/{projectId}/evidence/{evidenceId}",
  operationId: "deleteEvidence",
  summary: "Remove a file (whoever attached it, or a manager)",
  tag,
  auth: "session",
  params: evidenceParams,
  response: z.object({ removed: z.literal(true) }),
  problems: ["unauthenticated", "forbidden", "notFound"],
};

export const getSharedEvidenceContract: RouteContract = {
  method: "get",
  path: "/api/v1/shared/{token}/evidence/{evidenceId}",
  operationId: "getSharedEvidence",
  summary: "Download a file a manager shared with the project's donor links",
  description: "Only files a manager shared, of approved values or of reports; anything else answers 404.",
  tag: "Sharing",
  auth: "shareToken",
  params: sharedEvidenceParams,
  response: fileAnswer,
  responseMediaType: "application/octet-stream",
  problems: ["notFound", "gone", "rateLimited"],
};
