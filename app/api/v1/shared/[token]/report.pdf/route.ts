import { sharedParams, sharedReportQuery } from "@/lib/http/contracts/shared";
import { downloadResponse } from "@/lib/http/download";
import { ApiProblem } from "@/lib/http/problem";
import { apiRoute } from "@/lib/http/route";
import { authenticateShareToken } from "@/lib/http/shared-access";
import { requestLocale } from "@/lib/platform/i18n/translator";
import { donorReportFile } from "@/lib/server/exports/donor-report-export";

export const GET = apiRoute({
  params: sharedParams,
  query: sharedReportQuery,
  authenticate: authenticateShareToken,
  async handler({ principal: access, query, request }) {
    const file = await donorReportFile(access.principal, access.principal.projectId, {
      asOf: query.asOf,
      locale: requestLocale(request),
      link: access.options,
    });
    if (!file) throw new ApiProblem("notFound");
    return downloadResponse(new Uint8Array(file.body), file.filename, "application/pdf");
  },
});
