// Creating projects: from a definition (form, JSON API, copy as template) or from a file (IATI XML, the
// spreadsheet template). A preview runs the very same write inside a transaction that is then rolled
// back, so what it reports is exactly what the import would do, and nothing is kept.
import "server-only";
import type { z } from "zod";
import { canCreateProjects, ForbiddenError, type Principal } from "@/lib/domain/permissions";
import {
  type ProjectDefinition,
  type ProjectDefinitionInput,
  projectDefinitionSchema,
} from "@/lib/domain/projects/definition";
import type { ImportIssue } from "@/lib/formats/read/issues";
import type { ProjectFile } from "@/lib/formats/read/project-file";
import { readProjectFileOffThread } from "@/lib/formats/read/read-off-thread";
import { db, type Tx } from "@/lib/platform/db";
import { recordAudit } from "@/lib/server/audit/record";
import { DefinitionProblems, writeProjectDefinition } from "./write";

export type ImportPreview = {
  activities: { identifier: string; title: string }[];
  project: { code: string; name: string; startDate: string; endDate: string } | null;
  counts: {
    locations: number;
    periods: number;
    rounds: number;
    results: number;
    indicators: number;
    targets: number;
    values: number;
  } | null;
  problems: ImportIssue[];
  warnings: ImportIssue[];
  /** Set once the project was created (the first, when an IATI file's several activities were). */
  projectId?: string;
  /** Every project the file makes: one per chosen activity of an IATI file. */
  projects?: {
    code: string;
    name: string;
    startDate: string;
    endDate: string;
    counts: NonNullable<ImportPreview["counts"]>;
    projectId?: string;
  }[];
  /** The indicators the file brings, with baseline, targets and actuals, to check before importing. */
  indicators?: IndicatorPreview[];
};

export type IndicatorPreview = {
  project: string;
  code: string;
  title: string;
  measure: string;
  baseline: string;
  targets: string[];
  actuals: string[];
};

class Rollback extends Error {}

function requireCreator(principal: Principal): string {
  if (!canCreateProjects(principal) || principal.kind !== "user") throw new ForbiddenError("project.edit");
  return principal.userId;
}

/** Zod's own messages as translatable codes (the schema's own codes, such as "duplicate", win). */
function issueCode(issue: { code: string; input?: unknown }): string | undefined {
  if (issue.code === "invalid_value") return "invalidChoice";
  if (issue.code === "invalid_type") return issue.input === undefined ? "required" : "invalidType";
  return undefined;
}

/** Zod's paths as "nodes.0.indicators.1.code". */
function zodIssues(error: z.ZodError): ImportIssue[] {
  return error.issues.map((i) => ({ where: i.path.join(".") || "definition", code: i.message }));
}

function countsOf(def: ProjectDefinition): NonNullable<ImportPreview["counts"]> {
  const indicators = def.nodes.flatMap((n) => n.indicators);
  return {
    locations: def.locations.length,
    periods: def.periods.length,
    rounds: def.rounds.length,
    results: def.nodes.length,
    indicators: indicators.length,
    targets: indicators.reduce((n, i) => n + i.targets.length, 0),
    values: indicators.reduce((n, i) => n + i.results.length, 0),
  };
}

type Written = Pick<ImportPreview, "project" | "counts" | "problems" | "projectId" | "projects">;

/**
 * Checks and writes definitions (several: an IATI file's activities, each its own project) in one
 * transaction; with `dryRun` the transaction is rolled back. Problems (invalid fields, unknown
 * references, a taken code) come back listed, those of a later definition prefixed with its number;
 * nothing is half-saved.
 */
async function writeChecked(
  principal: Principal,
  inputs: unknown[],
  how: { source: string; dryRun: boolean } & Team,
): Promise<Written> {
  const userId = requireCreator(principal);
  const defs: ProjectDefinition[] = [];
  const problems: ImportIssue[] = [];
  const prefix = (n: number, where: string) => (inputs.length > 1 ? `projects.${n}.${where}` : where);
  inputs.forEach((input, n) => {
    const parsed = projectDefinitionSchema.safeParse(input, { error: issueCode });
    if (parsed.success) defs.push(parsed.data);
    else problems.push(...zodIssues(parsed.error).map((p) => ({ ...p, where: prefix(n, p.where) })));
  });
  if (problems.length) return { project: null, counts: null, problems };
  const projects = defs.map((def) => ({
    code: def.code,
    name: def.name,
    startDate: def.startDate,
    endDate: def.endDate,
    counts: countsOf(def),
  }));
  const summary = { project: projects[0] ?? null, counts: projects[0]?.counts ?? null, projects };
  let current = 0;
  try {
    const ids = await db().$transaction(
      async (tx) => {
        const [managerIds, evaluatorIds] = await Promise.all([
          usersNamed(tx, how.managerEmails ?? [], "managers"),
          usersNamed(tx, how.evaluatorEmails ?? [], "evaluators"),
        ]);
        const created: string[] = [];
        for (const [n, def] of defs.entries()) {
          current = n;
          const id = await writeProjectDefinition(tx, def, {
            enteredBy: userId,
            reviewedBy: userId,
            managerIds: managersOf(principal, userId, managerIds, how.creatorManages),
            evaluatorIds,
          });
          await recordAudit(tx, {
            action: "project.create",
            entityType: "Project",
            entityId: id,
            projectId: id,
            actorUserId: userId,
            after: { code: def.code, name: def.name, source: how.source, ...countsOf(def) },
          });
          created.push(id);
        }
        if (how.dryRun) throw new Rollback();
        return created;
      },
      { timeout: 120_000 },
    );
    return {
      ...summary,
      problems: [],
      projectId: ids[0],
      projects: projects.map((p, n) => ({ ...p, projectId: ids[n] })),
    };
  } catch (error) {
    if (error instanceof Rollback) return { ...summary, problems: [] };
    if (error instanceof DefinitionProblems) {
      const team = (path: string) => path.startsWith("managers.") || path.startsWith("evaluators.");
      return {
        ...summary,
        problems: error.problems.map((p) => ({ where: team(p.path) ? p.path : prefix(current, p.path), code: p.code })),
      };
    }
    throw error;
  }
}

/**
 * A new project's managers. Someone must be able to work in it: its creator, unless managers are named.
 * A creator who is not an admin (a program manager) always manages it, else they could not open it.
 */
function managersOf(principal: Principal, creatorId: string, named: string[], creatorManages?: boolean): string[] {
  if (principal.kind === "user" && !principal.isAdmin) return [...new Set([creatorId, ...named])];
  return named.length || !creatorManages ? named : [creatorId];
}

/** Who joins a new project: existing users by e-mail address; `creatorManages`: its creator when no manager is named. */
type Team = { managerEmails?: string[]; evaluatorEmails?: string[]; creatorManages?: boolean };

/** The ids of the users with these addresses, all of them or the problems naming the unknown ones. */
async function usersNamed(tx: Tx, emails: string[], field: "managers" | "evaluators"): Promise<string[]> {
  const users = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const unknown = emails.flatMap((e, i) =>
    users.some((u) => u.email === e) ? [] : [{ path: `${field}.${i}`, code: "unknownUser" }],
  );
  if (unknown.length) throw new DefinitionProblems(unknown);
  return users.map((u) => u.id);
}

/** Creates a project from a definition (admins and program managers). */
export async function createProject(
  principal: Principal,
  definition: ProjectDefinitionInput,
  options: { managerEmails?: string[]; source?: string; dryRun?: boolean } = {},
) {
  return writeChecked(principal, [definition], {
    source: options.source ?? "definition",
    dryRun: options.dryRun ?? false,
    managerEmails: options.managerEmails,
  });
}

/**
 * Previews (dryRun) or imports a project file, all or nothing. The file is read in a worker thread
 * (time- and memory-limited); problems of the definition are then named by their place in the file,
 * which the worker looks up (a second read, only when there are such problems).
 */
export async function importProject(
  principal: Principal,
  file: ProjectFile,
  options: { dryRun: boolean } & Pick<Team, "managerEmails" | "evaluatorEmails">,
): Promise<ImportPreview> {
  requireCreator(principal);
  const chosen = file.activities?.length ? file.activities : [file.activity];
  const readings = [];
  for (const activity of chosen) {
    // One reading per activity (each in its own worker, with its own limits).
    readings.push(await readProjectFileOffThread({ ...file, activity, activities: undefined }));
  }
  const first = readings[0];
  if (!first) throw new Error("No activity to read");
  const base = {
    activities: first.activities,
    warnings: readings.flatMap((r) => r.warnings).filter(unique),
  };
  const failed = readings.flatMap((r) => (r.definition ? [] : r.problems));
  if (failed.length)
    return { ...base, project: null, counts: null, problems: failed.filter(unique) } satisfies ImportPreview;
  const definitions = readings.map((r) => r.definition as ProjectDefinitionInput);
  const indicators = definitions.flatMap(indicatorPreview);
  // An imported project is worked in at once: the importer manages it unless the import names managers.
  const written = await writeChecked(principal, definitions, {
    source: file.format,
    ...options,
    creatorManages: true,
  });
  if (!written.problems.length) return { ...base, ...written, indicators } satisfies ImportPreview;
  // Problems of the definition named by their place in the file (a second read, only when there are any).
  const problems: ImportIssue[] = [];
  for (const [n, activity] of chosen.entries()) {
    const own = written.problems.filter((p) => chosen.length === 1 || p.where.startsWith(`projects.${n}.`));
    if (!own.length) continue;
    const paths = own.map((p) => (chosen.length === 1 ? p.where : p.where.slice(`projects.${n}.`.length)));
    const { located } = await readProjectFileOffThread({ ...file, activity, activities: undefined }, paths);
    // Which activity a problem is of, when several are imported and its place does not say.
    const which = (p: ImportIssue) => (chosen.length > 1 && !p.detail ? { detail: activity } : {});
    problems.push(...own.map((p, i) => ({ ...p, where: located[i] ?? p.where, ...which(p) })));
  }
  const rest = written.problems.filter((p) => chosen.length > 1 && !/^projects\.\d+\./.test(p.where));
  return { ...base, ...written, indicators, problems: [...problems, ...rest] } satisfies ImportPreview;
}

const unique = (issue: ImportIssue, i: number, all: ImportIssue[]) =>
  all.findIndex((x) => x.where === issue.where && x.code === issue.code && x.detail === issue.detail) === i;

type FigureInput = {
  value?: number;
  numerator?: number;
  denominator?: number;
  text?: string;
  note?: string;
  when?: string;
  location?: string;
  option?: string;
};

/** A target, value or baseline in short: "12", "3/4" or its text. */
const shortFigure = (f: FigureInput) =>
  f.text ??
  (f.numerator !== undefined && f.denominator !== undefined
    ? `${f.numerator}/${f.denominator}`
    : f.value !== undefined
      ? String(f.value)
      : "");

/** The indicators of a definition with their baseline, targets and actuals in short, for the preview. */
function indicatorPreview(def: ProjectDefinitionInput): IndicatorPreview[] {
  const listed = (items: FigureInput[]) =>
    items.flatMap((x) => {
      const f = shortFigure(x);
      return f ? [`${f} (${[x.when, x.location, x.option].filter(Boolean).join(", ")})`] : [];
    });
  return (def.nodes ?? []).flatMap((node) =>
    (node.indicators ?? []).map((i) => ({
      project: def.code ?? "",
      code: i.code ?? "",
      title: i.title ?? "",
      measure: i.measure ?? "",
      baseline: i.baseline ? [shortFigure(i.baseline), i.baseline.note].filter(Boolean).join(" — ") : "",
      targets: listed(i.targets ?? []),
      actuals: listed(i.results ?? []),
    })),
  );
}
