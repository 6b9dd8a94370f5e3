// Which files may be kept as evidence, told by their first bytes (never by the name or the type the
// browser claims): photos, PDFs, spreadsheets and documents, CSV and plain text. Anything else, HTML
// and scripts above all, is refused; an office file (a zip) must also unpack within the zip limits (a
// zip bomb named .docx is refused). No I/O: `inspectEvidence` runs in a worker thread (lib/formats/read/off-thread.ts).
import { checkZip, ZipRefused } from "@/lib/formats/read/zip-limits";

export const evidenceMediaTypes = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
  txt: "text/plain",
} as const;

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The media type of an evidence file, or null when it is not a kind kept as evidence. */
export function evidenceMediaType(name: string, bytes: Uint8Array): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  if (startsWith(bytes, ascii("%PDF-"))) return evidenceMediaTypes.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return evidenceMediaTypes.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return evidenceMediaTypes.jpeg;
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return evidenceMediaTypes.webp;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (extension === "xlsx") return evidenceMediaTypes.xlsx;
    if (extension === "docx") return evidenceMediaTypes.docx;
    return null;
  }
  if (extension === "csv" || extension === "txt") {
    // Text: valid UTF-8 without control bytes other than tabs and line ends.
    if (bytes.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return null;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
    return extension === "csv" ? evidenceMediaTypes.csv : evidenceMediaTypes.txt;
  }
  return null;
}

/** Why an evidence file's bytes are refused. */
export type EvidenceTypeRefusal = "fileType" | "tooManyEntries" | "tooLargeUnzipped";

/**
 * The media type of an evidence file, or why it is refused: not a kind kept as evidence, or an office
 * file whose zip holds too many entries or unpacks to more than the zip limits allow.
 */
export async function inspectEvidence(
  name: string,
  bytes: Uint8Array,
): Promise<{ mediaType: string } | { refused: EvidenceTypeRefusal }> {
  const mediaType = evidenceMediaType(name, bytes);
  if (!mediaType) return { refused: "fileType" };
  if (mediaType === evidenceMediaTypes.xlsx || mediaType === evidenceMediaTypes.docx) {
    const refusal = await checkZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
      () => null,
      (error) => (error instanceof ZipRefused ? error.code : Promise.reject(error)),
    );
    if (refusal) return { refused: refusal === "unreadable" ? "fileType" : refusal };
  }
  return { mediaType };
}
