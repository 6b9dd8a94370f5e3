// Where evidence files' bytes live. The database by default (EvidenceBlob rows, written in the same
// transaction as the file's record, so a file is never half-saved); an S3-compatible object store can
// implement the same three operations (put under a key, get, remove) and be chosen here.
import type { Db, Tx } from "@/lib/platform/db";

export interface EvidenceStore {
  /** Stores the bytes under a new key; with a transaction, only if it commits. */
  put(key: string, bytes: Uint8Array, tx?: Tx): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string, tx?: Tx): Promise<void>;
}

export function databaseStore(client: () => Db): EvidenceStore {
  return {
    async put(key, bytes, tx) {
      await (tx ?? client()).evidenceBlob.create({ data: { key, bytes: Buffer.from(bytes) } });
    },
    async get(key) {
      const blob = await client().evidenceBlob.findUnique({ where: { key } });
      return blob ? new Uint8Array(blob.bytes) : null;
    },
    async remove(key, tx) {
      await (tx ?? client()).evidenceBlob.deleteMany({ where: { key } });
    },
  };
}
