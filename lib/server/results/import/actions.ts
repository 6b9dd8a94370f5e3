"use server";
import type { FileTooLarge } from "@/lib/domain/format/file-size";
import type { TableRefusal } from "@/lib/domain/imports/table-refusals";
import { can } from "@/lib/domain/permissions";
import type { ImportMapping } from "@/lib/domain/results/import-mapping";
import { UnreadableTable } from "@/lib/formats/read/table-rows";
import { currentUser } from "@/lib/platform/auth/session";
import { oversizedFile } from "@/lib/platform/upload-limits";
import { formatOf, mappingFor, tableColumns } from "./file";

export type ColumnsState = {
  error?: "notAllowed" | "noFile" | TableRefusal;
  headers?: string[];
  rows?: string[][];
  mapping?: Partial<ImportMapping>;
  saved?: boolean;
  /** The file past its cap (lib/platform/upload-limits.ts). */
  tooLarge?: FileTooLarge;
};

function fileOf(form: FormData): File | null {
  const file = form.get("file");
  return file instanceof File && file.size > 0 ? file : null;
}

async function sourceOf(file: File) {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return { format: formatOf(file.name, head), source: file.stream() as unknown as AsyncIterable<Uint8Array> };
}

/** The uploaded table's columns and first rows, with the mapping to start from. */
export async function readColumnsAction(projectId: string, form: FormData): Promise<ColumnsState> {
  const user = await currentUser();
  if (!user || !can(user, "results.enter", projectId)) return { error: "notAllowed" };
  const file = fileOf(form);
  if (!file) return { error: "noFile" };
  const tooLarge = oversizedFile("resultsColumns", form);
  if (tooLarge) return { tooLarge };
  try {
    const { format, source } = await sourceOf(file);
    const columns = await tableColumns(format, source);
    if (!columns.headers.length) return { error: "unreadable" };
    return { ...columns, ...(await mappingFor(user, projectId, columns.headers)) };
  } catch (error) {
    return { error: error instanceof UnreadableTable ? error.code : "unreadable" };
  }
}
