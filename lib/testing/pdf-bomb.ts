// A PDF decompression bomb: one page whose one content stream (FlateDecode) inflates to `inflatedMb` MB of
// spaces, a few hundred KB on disk (deflate's best is about 1:1000). pdf.js inflates it into growing
// buffers outside V8's heap, so a worker's heap limit alone never stops it (lib/formats/read/off-thread.ts).
import { deflateSync } from "node:zlib";

export function pdfBomb(inflatedMb: number): Uint8Array {
  const stream = deflateSync(Buffer.alloc(inflatedMb * 1024 * 1024, 0x20), { level: 9 });
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const write = (chunk: Buffer | string) => {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (body: () => void) => {
    offsets.push(length);
    write(`${offsets.length} 0 obj\n`);
    body();
    write("\nendobj\n");
  };
  write("%PDF-1.4\n");
  object(() => write("<< /Type /Catalog /Pages 2 0 R >>"));
  object(() => write("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
  object(() => write("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"));
  object(() => {
    write(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`);
    write(stream);
    write("\nendstream");
  });
  const xref = length;
  const entries = offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("");
  write(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${entries}`);
  write(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}
