import { sharedParams, sharedReportQuery } from "@/lib/http/contracts/shared";
import { downloadResponse } from "@/lib/http/download";
import { ApiProblem } from "@/lib/http/problem";
import { apiRoute } from "@/lib/http/route";
import { authenticateShareToken } from "@/lib/http/shared-access";
import { requestLocale } from "@/lib/platform/i18n/translator";
import { donorReportFile } from "@/lib/server/exports/donor-report-export";
import { linkReader } from "@/lib/server/share-links/donor-report-view";

export const GET = apiRoute({
  params: sharedParams,
  query: sharedReportQuery,
  authenticate: authenticateShareToken,
  async handler({ principal: access, query, request }) {
    const file = await donorReportFile(linkReader(access), query.asOf, requestLocale(request));
    if (!file) throw new ApiProblem("notFound");
    return downloadResponse(new Uint8Array(file.body), file.filename, "application/pdf");
  },
});
