// The part of unzipper (a dependency of exceljs) that lib/formats/read/zip-limits.ts and xlsx-order.ts use.
declare module "unzipper" {
  import type { Readable } from "node:stream";
  export type CentralDirectoryFile = {
    path: string;
    type: "File" | "Directory";
    uncompressedSize: number;
    stream(): Readable;
    /** The entry unpacked whole (read only small parts this way). */
    buffer(): Promise<Buffer>;
  };
  export type CentralDirectory = { files: CentralDirectoryFile[] };
  export const Open: {
    buffer(buffer: Buffer): Promise<CentralDirectory>;
    file(path: string): Promise<CentralDirectory>;
  };
}
