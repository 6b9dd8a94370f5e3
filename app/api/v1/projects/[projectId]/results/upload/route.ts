import { importMappingSchema } from "@/lib/domain/results/import-mapping";
import { declaredLength, limitedStream, readLimitedBody } from "@/lib/http/body-limit";
import { uploadResultsQuery } from "@/lib/http/contracts/results";
import { summaryParams } from "@/lib/http/contracts/summary";
import { xlsxMediaType } from "@/lib/http/contracts/types";
import { ApiProblem } from "@/lib/http/problem";
import { apiRoute } from "@/lib/http/route";
import { uploadLimits } from "@/lib/platform/upload-limits";
import { importResultsOrRefuse } from "@/lib/server/results/import/file";
import { backgroundImports, queueResultsImport } from "@/lib/server/results/import/jobs";
import { progressReporter } from "@/lib/server/results/import/progress";

export const POST = apiRoute({
  params: summaryParams,
  query: uploadResultsQuery,
  async handler({
    principal,
    params,
    query: { dryRun, submit, progress: progressId, background, ...columns },
    request,
  }) {
    // Only these types: neither can be sent by a cross-site form without a CORS preflight.
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    const format = type === "text/csv" ? "csv" : type === xlsxMediaType ? "xlsx" : null;
    if (!format || !request.body)
      throw new ApiProblem("validation", "Send the file as text/csv or XLSX", [
        { field: "body", message: "contentType" },
      ]);
    const mapping = importMappingSchema.safeParse(columns);
    if (!mapping.success)
      throw new ApiProblem(
        "validation",
        "Invalid column mapping",
        mapping.error.issues.map((i) => ({ field: `query.${i.path.join(".")}`, message: i.message })),
      );
    if (background && (await backgroundImports())) {
      const id = progressId ?? crypto.randomUUID();
      const content = await readLimitedBody(request, uploadLimits().upload);
      const queued = await queueResultsImport(principal, params.projectId, {
        format,
        content,
        progressId: id,
        mapping: mapping.data,
        dryRun,
        submit,
      });
      // The queue refused the job (it never has): the file was read, so it is not imported here either.
      if (!queued) throw new ApiProblem("internal", "The import could not be queued");
      return Response.json(
        { queued: true, progressId: id },
        { status: 202, headers: { location: `${new URL(request.url).pathname}/${id}`, "cache-control": "no-store" } },
      );
    }
    const size = declaredLength(request);
    const source = limitedStream(request.body, uploadLimits().upload, size);
    const progress = progressId ? await progressReporter(principal, params.projectId, progressId, size) : undefined;
    return importResultsOrRefuse(principal, params.projectId, {
      format,
      source,
      mapping: mapping.data,
      dryRun,
      submit,
      progress,
    });
  },
});
