import { studySearchInput } from "@/lib/domain/studies/input";
import { apiRoute } from "@/lib/http/route";
import { studyCatalogueResponse } from "@/lib/http/study-handlers";

// The library's catalogue as CSV, with the library page's filters (the studies the caller may read).
export const GET = apiRoute({
  query: studySearchInput,
  async handler({ principal, query }) {
    return studyCatalogueResponse(principal, query);
  },
});
