"use server";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { guessRules } from "@/lib/domain/survey/guess";
import { type SurveyRules, statusOf, surveyRulesSchema } from "@/lib/domain/survey/rules";
import type { SurveyFile } from "@/lib/domain/survey/tables";
import { ReadRefused, readOffThread } from "@/lib/formats/read/off-thread";
import { UnreadableTable } from "@/lib/formats/read/table-rows";
// The survey import page's two steps: read an uploaded export (its tables, columns and sample answers,
// with the project's saved rules or a guess), then preview or save with the rules the evaluator set.
import { oversizedFile } from "@/lib/platform/upload-limits";
import { type ActionState, formAction } from "@/lib/server/action";
import { formatOf } from "@/lib/server/results/import/file";
import { importSurvey, readSurvey, type SurveyPreview, savedSurveyRules, surveyFormContext } from "./survey-import";

export type SurveyColumn = {
  header: string;
  samples: string[];
  /** From the XLSForm, when one was given: the question's type and label, and its choices. */
  question?: { type: string; label: string; choices: { name: string; label: string }[] };
};
export type SurveyTableInfo = { name: string; rows: number; parent: string | null; columns: SurveyColumn[] };

export type SurveyFileState = ActionState & {
  tables?: SurveyTableInfo[];
  /** Submissions by validation status, when the file has one. */
  statuses?: Record<string, number> | null;
  rules?: Partial<SurveyRules>;
  saved?: boolean;
};

export type SurveyImportState = ActionState & {
  /** The rules' own mistakes, by path ("indicators.0.condition"). */
  invalid?: Record<string, string>;
  preview?: SurveyPreview;
};

/** The survey forms send files and rules as JSON: nothing typed is shown again, no text field is checked. */
const fileForm = { textFields: [], keep: [] } as const;

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
  return formAction(
    form,
    { permission: ["results.enter", projectId], ...fileForm },
    async (user): Promise<SurveyFileState> => {
      const tooLarge = oversizedFile("survey", form);
      if (tooLarge) return { tooLarge };
      try {
        return await readSurveyFile(user, projectId, form);
      } catch (error) {
        // A refused table answers its own code; any other failure to read the file is "unreadable".
        if (error instanceof UnreadableTable) throw error;
        return { error: "unreadable" };
      }
    },
  );
}

async function readSurveyFile(user: UserPrincipal, projectId: string, form: FormData): Promise<SurveyFileState> {
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
}

/** Previews (`intent` preview) or saves the values as drafts (`draft`) or for review (`submit`). */
export async function importSurveyAction(projectId: string, form: FormData): Promise<SurveyImportState> {
  return formAction(
    form,
    { permission: ["results.enter", projectId], ...fileForm },
    async (user): Promise<SurveyImportState> => {
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
      // A value changed meanwhile ("raced") or a refused table answers its code (lib/server/action.ts).
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
    },
  );
}
