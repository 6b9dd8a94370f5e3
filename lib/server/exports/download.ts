/**
 * An export's file name: the project's code and what it is, and DRAFT when it holds values not yet
 * approved, so a draft can never be mistaken for (or overwrite) the approved file in a downloads folder.
 */
export function exportFileName(projectCode: string, what: string, extension: string, draft: boolean): string {
  return `${projectCode}-${what}${draft ? "-DRAFT" : ""}.${extension}`;
}

/** A file download answer: the body (text or a stream), its name and type, never cached. */
export function downloadResponse(body: BodyInit, filename: string, contentType: string): Response {
  const safeName = filename.replace(/[^\w.-]/g, "_");
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${safeName}"`,
      "cache-control": "no-store",
    },
  });
}
