import { sharedParams, sharedReportQuery } from "@/lib/api/contracts/shared";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { authenticateShareToken } from "@/lib/api/shared-access";
import { donorReportFile } from "@/lib/exports/donor-report-export";
import { downloadResponse } from "@/lib/exports/download";
import { requestLocale } from "@/lib/i18n/translator";

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
