import { logframeWorkbook } from "@/lib/formats/write/logframe-workbook";
import { xlsxMediaType } from "@/lib/http/contracts/types";
import { apiRoute } from "@/lib/http/route";
import { downloadResponse } from "@/lib/server/exports/download";

export const GET = apiRoute({
  async handler() {
    return downloadResponse(new Uint8Array(await logframeWorkbook(null)), "logframe-template.xlsx", xlsxMediaType);
  },
});
