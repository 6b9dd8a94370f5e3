import { logframeWorkbook } from "@/lib/formats/write/logframe-workbook";
import { xlsxMediaType } from "@/lib/http/contracts/types";
import { downloadResponse } from "@/lib/http/download";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({
  async handler() {
    return downloadResponse(new Uint8Array(await logframeWorkbook(null)), "logframe-template.xlsx", xlsxMediaType);
  },
});
