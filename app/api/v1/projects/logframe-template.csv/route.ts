import { logframeCsv } from "@/lib/formats/write/logframe-workbook";
import { downloadResponse } from "@/lib/http/download";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute({
  async handler() {
    return downloadResponse(
      new TextEncoder().encode(logframeCsv(null)),
      "logframe-template.csv",
      "text/csv; charset=utf-8",
    );
  },
});
