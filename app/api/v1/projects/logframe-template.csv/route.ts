import { apiRoute } from "@/lib/api/route";
import { downloadResponse } from "@/lib/exports/download";
import { logframeCsv } from "@/lib/exports/logframe-workbook";

export const GET = apiRoute({
  async handler() {
    return downloadResponse(
      new TextEncoder().encode(logframeCsv(null)),
      "logframe-template.csv",
      "text/csv; charset=utf-8",
    );
  },
});
