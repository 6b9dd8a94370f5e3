import { xlsxMediaType } from "@/lib/api/contracts/types";
import { apiRoute } from "@/lib/api/route";
import { downloadResponse } from "@/lib/exports/download";
import { logframeWorkbook } from "@/lib/exports/logframe-workbook";

export const GET = apiRoute({
  async handler() {
    return downloadResponse(new Uint8Array(await logframeWorkbook(null)), "logframe-template.xlsx", xlsxMediaType);
  },
});
