// The text of a PDF written with the standard fonts (as lib/formats/write/donor-report-pdf.ts writes it):
// each content stream inflated, each shown string decoded from Windows-1252, one line per string.
import { inflateSync } from "node:zlib";

export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const lines: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf("stream", at);
    if (start < 0) break;
    const bodyStart = raw[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = raw.indexOf("endstream", bodyStart);
    if (end < 0) break;
    const dictionary = raw.subarray(Math.max(0, start - 200), start).toString("latin1");
    let content = raw.subarray(bodyStart, end);
    if (dictionary.includes("/FlateDecode")) {
      try {
        content = inflateSync(content);
      } catch {
        content = Buffer.alloc(0);
      }
    }
    for (const m of content.toString("latin1").matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      lines.push(windows1252(Buffer.from(m[1] ?? "", "hex")));
    }
    at = end + 9;
  }
  return lines.join("\n");
}

// Windows-1252's 0x80–0x9F (Node's decoder reads them as Latin-1 control characters).
const high: Record<number, string> = {
  128: "€",
  133: "…",
  145: "‘",
  146: "’",
  147: "“",
  148: "”",
  149: "•",
  150: "–",
  151: "—",
};

function windows1252(bytes: Buffer): string {
  return [...bytes].map((b) => high[b] ?? String.fromCharCode(b)).join("");
}
