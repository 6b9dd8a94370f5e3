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
