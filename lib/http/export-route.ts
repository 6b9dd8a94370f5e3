import "server-only";
import type { AsOf } from "@/lib/domain/as-of";
import type { Locale } from "@/lib/domain/i18n/config";
import type { Principal } from "@/lib/domain/permissions";
import { downloadResponse } from "@/lib/http/download";
import { requestLocale } from "@/lib/platform/i18n/translator";
import { exportQuery } from "./contracts/exports";
import { summaryParams } from "./contracts/summary";
import { ApiProblem } from "./problem";
import { apiRoute } from "./route";

type ExportFile = { body: BodyInit; filename: string };
type Exporter = (
  principal: Principal,
  projectId: string,
  options: { draft: boolean; asOf: AsOf; locale: Locale },
) => Promise<ExportFile | null>;

/** A GET route that downloads one of a project's exports, in the requester's language. */
export function projectExportRoute(exporter: Exporter, contentType: string) {
  return apiRoute({
    params: summaryParams,
    query: exportQuery,
    async handler({ principal, params, query, request }) {
      const file = await exporter(principal, params.projectId, {
        draft: query.draft,
        asOf: query.asOf,
        locale: requestLocale(request),
      });
      if (!file) throw new ApiProblem("notFound", "No such project, or no access to it");
      return downloadResponse(file.body, file.filename, contentType);
    },
  });
}
