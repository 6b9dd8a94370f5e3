import { studySearchInput } from "@/lib/domain/studies/input";
import { apiRoute } from "@/lib/http/route";
import { studyCatalogueXlsxResponse } from "@/lib/http/study-handlers";

// The library's catalogue as XLSX, with the library page's filters (the studies the caller may read).
export const GET = apiRoute({
  query: studySearchInput,
  async handler({ principal, query }) {
    return studyCatalogueXlsxResponse(principal, query);
  },
});
