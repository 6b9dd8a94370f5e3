import "server-only";
import type { ZodType, z } from "zod";
import type { AsOf } from "@/lib/domain/as-of";
import type { Locale } from "@/lib/domain/i18n/config";
import type { Principal } from "@/lib/domain/permissions";
import { downloadResponse } from "@/lib/http/download";
import { requestLocale } from "@/lib/platform/i18n/translator";
import type { RollupExportOptions } from "@/lib/server/exports/rollup-export";
import { exportQuery } from "./contracts/exports";
import { rollupExportParams, rollupExportQuery } from "./contracts/library-exports";
import { summaryParams } from "./contracts/summary";
import { ApiProblem } from "./problem";
import { apiRoute } from "./route";

type ExportFile = { body: BodyInit; filename: string };

/**
 * A GET route that downloads a file an exporter makes, in the requester's language: the one builder
 * behind the project exports and the library roll-up files (what differs is the params, the query,
 * how they become the exporter's arguments, and the not-found message).
 */
export function exportRoute<P extends ZodType, Q extends ZodType>(spec: {
  params: P;
  query: Q;
  contentType: string;
  notFound: string;
  file: (principal: Principal, params: z.output<P>, query: z.output<Q>, locale: Locale) => Promise<ExportFile | null>;
}) {
  return apiRoute({
    params: spec.params,
    query: spec.query,
    async handler({ principal, params, query, request }) {
      const file = await spec.file(principal, params, query, requestLocale(request));
      if (!file) throw new ApiProblem("notFound", spec.notFound);
      return downloadResponse(file.body, file.filename, spec.contentType);
    },
  });
}

type ProjectExporter = (
  principal: Principal,
  projectId: string,
  options: { draft: boolean; asOf: AsOf; locale: Locale },
) => Promise<ExportFile | null>;

/** A GET route that downloads one of a project's exports. */
export const projectExportRoute = (exporter: ProjectExporter, contentType: string) =>
  exportRoute({
    params: summaryParams,
    query: exportQuery,
    contentType,
    notFound: "No such project, or no access to it",
    file: (principal, params, query, locale) =>
      exporter(principal, params.projectId, { draft: query.draft, asOf: query.asOf, locale }),
  });

type RollupExporter = (
  principal: Principal,
  libraryId: string,
  options: RollupExportOptions,
) => Promise<ExportFile | null>;

/** A GET route that downloads a library indicator's roll-up as a file. */
export const rollupExportRoute = (exporter: RollupExporter, contentType: string) =>
  exportRoute({
    params: rollupExportParams,
    query: rollupExportQuery,
    contentType,
    notFound: "No such library indicator",
    file: (principal, params, query, locale) => exporter(principal, params.libraryId, { ...query, locale }),
  });
