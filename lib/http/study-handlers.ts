import "server-only";
import type { Principal, SharePrincipal } from "@/lib/domain/permissions";
import { studyCatalogueCsv, studyCatalogueXlsx } from "@/lib/server/studies/catalogue";
import { publicStudyFile } from "@/lib/server/studies/public-library";
import { sharedStudyFile, studyFile } from "@/lib/server/studies/service";
import { xlsxMediaType } from "./contracts/types";
import { keptFileResponse } from "./evidence-handlers";
import { ApiProblem } from "./problem";

/** A study's document as a download, for whoever may read the study (null: an anonymous visitor). */
export async function studyFileDownload(principal: Principal | null, studyId: string, fileId: string) {
  const file = await studyFile(principal, studyId, fileId);
  if (!file) throw new ApiProblem("notFound", "No such file, or no access to it");
  return keptFileResponse(file.fileName, file.mediaType, file.bytes);
}

/** A document of a study shared with the donor link's project (404 for any other). */
export async function sharedStudyFileDownload(principal: SharePrincipal, studyId: string, fileId: string) {
  const file = await sharedStudyFile(principal, studyId, fileId);
  if (!file) throw new ApiProblem("notFound", "No such file shared with this link");
  return keptFileResponse(file.fileName, file.mediaType, file.bytes);
}

/** A public study's document from the public library (a plain 404 when it is closed or the study is not public). */
export async function publicStudyFileDownload(studyId: string, fileId: string): Promise<Response> {
  const file = await publicStudyFile(studyId, fileId);
  if (!file) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return keptFileResponse(file.fileName, file.mediaType, file.bytes);
}

/** The catalogue of the studies the principal reads that pass the filters, as a CSV download. */
export async function studyCatalogueResponse(principal: Principal | null, query: unknown): Promise<Response> {
  return new Response(await studyCatalogueCsv(principal, query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="studies.csv"',
      "cache-control": "private, no-store",
    },
  });
}

/** The same catalogue as an XLSX workbook (the same columns; text cells are never formulas). */
export async function studyCatalogueXlsxResponse(principal: Principal | null, query: unknown): Promise<Response> {
  return new Response(new Uint8Array(await studyCatalogueXlsx(principal, query)), {
    headers: {
      "content-type": xlsxMediaType,
      "content-disposition": 'attachment; filename="studies.xlsx"',
      "cache-control": "private, no-store",
    },
  });
}
