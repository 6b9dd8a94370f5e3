"use server";
import type { FileTooLarge } from "@/lib/domain/format/file-size";
import type { TableRefusal } from "@/lib/domain/imports/table-refusals";
import { can } from "@/lib/domain/permissions";
import { guessRules } from "@/lib/domain/survey/guess";
import { type SurveyRules, statusOf, surveyRulesSchema } from "@/lib/domain/survey/rules";
import type { SurveyFile } from "@/lib/domain/survey/tables";
import { ReadRefused, readOffThread } from "@/lib/formats/read/off-thread";
import { UnreadableTable } from "@/lib/formats/read/table-rows";
// The survey import page's two steps: read an uploaded export (its tables, columns and sample answers,
// with the project's saved rules or a guess), then preview or save with the rules the evaluator set.
import { currentUser } from "@/lib/platform/auth/session";
import { oversizedFile } from "@/lib/platform/upload-limits";
import { formatOf } from "@/lib/server/results/import/file";
import { ImportRaced } from "@/lib/server/results/import/service";
import { importSurvey, readSurvey, type SurveyPreview, savedSurveyRules, surveyFormContext } from "./survey-import";

export type SurveyColumn = {
  header: string;
  samples: string[];
  /** From the XLSForm, when one was given: the question's type and label, and its choices. */
  question?: { type: string; label: string; choices: { name: string; label: string }[] };
};
export type SurveyTableInfo = { name: string; rows: number; parent: string | null; columns: SurveyColumn[] };

export type SurveyFileState = {
  error?: "notAllowed" | "noFile" | "empty" | "notXlsForm" | TableRefusal;
  tables?: SurveyTableInfo[];
  /** Submissions by validation status, when the file has one. */
  statuses?: Record<string, number> | null;
  rules?: Partial<SurveyRules>;
  saved?: boolean;
  /** A file past its cap (lib/platform/upload-limits.ts): the export ("file") or the XLSForm ("form"). */
  tooLarge?: FileTooLarge;
};

export type SurveyImportState = {
  error?: "notAllowed" | "noFile" | "raced" | TableRefusal;
  /** The rules' own mistakes, by path ("indicators.0.condition"). */
  invalid?: Record<string, string>;
  preview?: SurveyPreview;
  tooLarge?: FileTooLarge;
};

const SAMPLES = 6;

async function fileFrom(form: FormData): Promise<{ name: string; file: SurveyFile } | null> {
  const upload = form.get("file");
  if (!(upload instanceof File) || upload.size === 0) return null;
  const head = new Uint8Array(await upload.slice(0, 4).arrayBuffer());
  const source = upload.stream() as unknown as AsyncIterable<Uint8Array>;
  return { name: upload.name, file: await readSurvey(formatOf(upload.name, head), source) };
}

function tablesOf(file: SurveyFile): SurveyTableInfo[] {
  return file.tables.map((t) => ({
    name: t.name,
    rows: t.rows.length,
    parent: t.parent,
    columns: t.headers.map((header) => {
      const samples = new Set<string>();
      for (const r of t.rows) {
        const v = r.values[header];
        if (v) samples.add(v.length > 40 ? `${v.slice(0, 40)}…` : v);
        if (samples.size >= SAMPLES) break;
      }
      return { header, samples: [...samples] };
    }),
  }));
}

/** The uploaded export's tables and columns, and the rules to start from. */
export async function readSurveyAction(projectId: string, form: FormData): Promise<SurveyFileState> {
  const user = await currentUser();
  if (!user || !can(user, "results.enter", projectId)) return { error: "notAllowed" };
  const tooLarge = oversizedFile("survey", form);
  if (tooLarge) return { tooLarge };
  try {
    const read = await fileFrom(form);
    if (!read) return { error: "noFile" };
    const tables = tablesOf(read.file);
    const xlsForm = form.get("form");
    if (xlsForm instanceof File && xlsForm.size > 0) {
      // Read in a worker thread, time- and memory-limited (lib/formats/read/off-thread.ts).
      const bytes = new Uint8Array(await xlsForm.arrayBuffer());
      const questions = await readOffThread("xlsForm", { bytes }).catch((error) => {
        if (error instanceof ReadRefused) throw new UnreadableTable(error.code);
        return null;
      });
      if (!questions) return { error: "notXlsForm" };
      for (const t of tables)
        for (const c of t.columns) {
          const q = questions.get(c.header.split("/").at(-1) ?? "");
          if (q) c.question = { type: q.type, label: q.label, choices: q.choices };
        }
    }
    const main = read.file.tables[0];
    if (!main?.rows.length) return { error: "empty" };
    const statusHeader = ["_validation_status", "ReviewState"].find((h) => main.headers.includes(h));
    let statuses: Record<string, number> | null = null;
    if (statusHeader) {
      statuses = {};
      for (const r of main.rows) {
        const s = statusOf(r.values[statusHeader] ?? "");
        statuses[s] = (statuses[s] ?? 0) + 1;
      }
    }
    const saved = await savedSurveyRules(user, projectId);
    if (saved) return { tables, statuses, rules: saved, saved: true };
    const { dimensions } = await surveyFormContext(user, projectId);
    const headers = tables.flatMap((t) => t.columns.map((c) => c.header));
    return { tables, statuses, rules: guessRules(headers, dimensions), saved: false };
  } catch (error) {
    return { error: error instanceof UnreadableTable ? error.code : "unreadable" };
  }
}

/** Previews (`intent` preview) or saves the values as drafts (`draft`) or for review (`submit`). */
export async function importSurveyAction(projectId: string, form: FormData): Promise<SurveyImportState> {
  const user = await currentUser();
  if (!user || !can(user, "results.enter", projectId)) return { error: "notAllowed" };
  let raw: unknown = null;
  try {
    raw = JSON.parse(String(form.get("rules") ?? "null"));
  } catch {
    // Read as no rules: the schema names what is missing.
  }
  const tooLarge = oversizedFile("survey", form);
  if (tooLarge) return { tooLarge };
  const rules = surveyRulesSchema.safeParse(raw);
  if (!rules.success)
    return { invalid: Object.fromEntries(rules.error.issues.map((i) => [i.path.join("."), i.message])) };
  try {
    const read = await fileFrom(form);
    if (!read) return { error: "noFile" };
    const intent = String(form.get("intent") ?? "preview");
    const preview = await importSurvey(user, projectId, read.file, {
      fileName: read.name,
      rules: rules.data,
      dryRun: intent !== "draft" && intent !== "submit",
      submit: intent === "submit",
    });
    return { preview };
  } catch (error) {
    if (error instanceof ImportRaced) return { error: "raced" };
    if (error instanceof UnreadableTable) return { error: error.code };
    throw error;
  }
}
