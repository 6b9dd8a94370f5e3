// The evaluations library's API: search and list the studies the caller may read, read one, file one.
import { z } from "zod";
import { studyInput, studyMethods, studySearchInput, studyVisibilities } from "@/lib/domain/studies/input";
import type { RouteContract } from "./types";

const tag = "Studies";
const day = z.string().nullable().describe("A date as YYYY-MM-DD");
const vocabulary = z.object({ key: z.string(), nameEn: z.string(), nameEs: z.string() });

export const studyParams = z.object({ studyId: z.string().min(1).max(64) });

export const studiesQuery = studySearchInput.extend({
  q: studySearchInput.shape.q.describe(
    "Words searched in titles, abstracts, key findings and the documents' text, in Spanish and English (stems, accents ignored)",
  ),
  type: studySearchInput.shape.type.describe("A study type's key, e.g. evaluation, baseline"),
  country: studySearchInput.shape.country.describe("A country's ISO 3166-1 code (its regions count)"),
  theme: studySearchInput.shape.theme.describe("A theme's key, e.g. gbv, migration"),
  year: studySearchInput.shape.year.describe("The year of publication"),
  project: studySearchInput.shape.project.describe("A project's id"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("How many studies to answer (1–200)"),
});

export const studyListItem = z.object({
  id: z.string(),
  type: vocabulary,
  texts: z.array(z.object({ language: z.string(), title: z.string() })),
  method: z.enum(studyMethods).nullable(),
  publishedOn: day,
  visibility: z.enum(studyVisibilities),
  countries: z.array(z.object({ isoCode: z.string().nullable(), name: z.string() })),
  snippet: z
    .array(z.object({ text: z.string(), hit: z.boolean() }))
    .nullable()
    .describe("Where the words matched (hit: true), when words were given"),
  snippetFile: z
    .object({ id: z.string(), fileName: z.string(), page: z.number().int().nullable() })
    .nullable()
    .describe(
      "The document the snippet is from, with its page (PDF), or null when it is from a title, abstract or finding",
    ),
});

export const studyDetail = z.object({
  id: z.string(),
  type: vocabulary,
  method: z.enum(studyMethods).nullable(),
  instruments: z.string(),
  fieldworkStart: day,
  fieldworkEnd: day,
  publishedOn: day,
  authors: z.string(),
  commissionedBy: z.string(),
  pageCount: z.number().int().nullable(),
  visibility: z.enum(studyVisibilities),
  provenance: z.enum(["DOCUMENT", "ILLUSTRATIVE"]).nullable(),
  texts: z.array(z.object({ language: z.string(), title: z.string(), abstract: z.string() })),
  samples: z.array(z.object({ group: z.string(), planned: z.number().nullable(), achieved: z.number().nullable() })),
  places: z.array(z.object({ id: z.string(), name: z.string(), isoCode: z.string().nullable(), level: z.string() })),
  projects: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  rounds: z.array(z.object({ id: z.string(), name: z.string(), projectId: z.string(), startDate: day })),
  indicators: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), projectId: z.string() })),
  findings: z.array(
    z.object({
      id: z.string(),
      language: z.string(),
      statement: z.string(),
      indicator: z.object({ id: z.string(), code: z.string(), title: z.string(), projectId: z.string() }).nullable(),
    }),
  ),
  files: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      textStatus: z
        .enum(["SEARCHABLE", "NO_TEXT", "UNREADABLE", "TOO_LARGE", "TIMED_OUT"])
        .nullable()
        .describe("Whether the document's text is searchable (PDF, DOCX), or why not; null for other kinds"),
    }),
  ),
  themes: z.array(vocabulary),
  canEdit: z.boolean(),
});

export const listStudiesContract: RouteContract = {
  method: "get",
  path: "/api/v1/studies",
  operationId: "listStudies",
  summary: "Search the studies (evaluations, baselines, analyses) the caller may read",
  description:
    "Members read the studies of their projects and public ones; admins all. With words, the best matches first with a snippet; without, the newest first. At most `limit` studies; `total` counts all that match.",
  tag,
  auth: "session",
  query: studiesQuery,
  response: z.object({
    studies: z.array(studyListItem),
    total: z.number().int().describe("How many studies the caller may read match, `studies` being the first `limit`"),
  }),
  problems: ["unauthenticated", "validation"],
};

export const createStudyContract: RouteContract = {
  method: "post",
  path: "/api/v1/studies",
  operationId: "createStudy",
  summary: "File a study (its metadata, links and findings; documents are added from the library page)",
  description:
    "The caller must manage every project the study is linked to (admins: any, and studies without projects). Rounds and indicators must be those projects'.",
  tag,
  auth: "session",
  body: studyInput,
  response: studyDetail,
  problems: ["unauthenticated", "forbidden", "validation"],
};

export const getStudyContract: RouteContract = {
  method: "get",
  path: "/api/v1/studies/{studyId}",
  operationId: "getStudy",
  summary: "One study, with its texts, sample, places, findings, documents and links",
  tag,
  auth: "session",
  params: studyParams,
  response: studyDetail,
  problems: ["unauthenticated", "notFound"],
};

export const listSharedStudiesContract: RouteContract = {
  method: "get",
  path: "/api/v1/shared/{token}/studies",
  operationId: "listSharedStudies",
  summary: "The studies shared with a donor's share link (its project's studies shared with donors, or public)",
  tag: "Sharing",
  auth: "shareToken",
  params: z.object({ token: z.string().min(1).describe("The token of a donor's share link") }),
  response: z.object({
    studies: z.array(
      z.object({
        id: z.string(),
        publishedOn: day,
        pageCount: z.number().int().nullable(),
        type: vocabulary,
        texts: z.array(z.object({ language: z.string(), title: z.string(), abstract: z.string() })),
        files: z.array(z.object({ id: z.string(), fileName: z.string() })),
      }),
    ),
  }),
  problems: ["notFound", "gone", "rateLimited"],
};

export const sharedStudyFileParams = z.object({
  token: z.string().min(1).describe("The token of a donor's share link"),
  studyId: z.string().min(1).max(64),
  fileId: z.string().min(1).max(64),
});

export const getSharedStudyFileContract: RouteContract = {
  method: "get",
  path: "/api/v1/shared/{token}/studies/{studyId}/files/{fileId}",
  operationId: "getSharedStudyFile",
  summary: "Download a document of a study shared with a donor's share link",
  description:
    "Only documents of the link's project's studies shared with donors (or public), as the donor page lists them; anything else answers 404.",
  tag: "Sharing",
  auth: "shareToken",
  params: sharedStudyFileParams,
  response: z.string().describe("The document's bytes"),
  responseMediaType: "application/octet-stream",
  problems: ["notFound", "gone", "rateLimited"],
};
