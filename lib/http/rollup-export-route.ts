import "server-only";
import type { Principal } from "@/lib/domain/permissions";
import { downloadResponse } from "@/lib/http/download";
import { requestLocale } from "@/lib/platform/i18n/translator";
import type { RollupExportOptions } from "@/lib/server/exports/rollup-export";
import { rollupExportParams, rollupExportQuery } from "./contracts/library-exports";
import { ApiProblem } from "./problem";
import { apiRoute } from "./route";

type Exporter = (
  principal: Principal,
  libraryId: string,
  options: RollupExportOptions,
) => Promise<{ body: BodyInit; filename: string } | null>;

/** A GET route that downloads a library indicator's roll-up as a file, in the requester's language. */
export function rollupExportRoute(exporter: Exporter, contentType: string) {
  return apiRoute({
    params: rollupExportParams,
    query: rollupExportQuery,
    async handler({ principal, params, query, request }) {
      const file = await exporter(principal, params.libraryId, { ...query, locale: requestLocale(request) });
      if (!file) throw new ApiProblem("notFound", "No such library indicator");
      return downloadResponse(file.body, file.filename, contentType);
    },
  });
}
