import { logframeCsv } from "@/lib/formats/write/logframe-workbook";
import { apiRoute } from "@/lib/http/route";
import { downloadResponse } from "@/lib/server/exports/download";

export const GET = apiRoute({
  async handler() {
    return downloadResponse(
      new TextEncoder().encode(logframeCsv(null)),
      "logframe-template.csv",
      "text/csv; charset=utf-8",
    );
  },
});
