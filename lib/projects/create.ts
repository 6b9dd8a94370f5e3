// Creating projects: from a definition (form, JSON API, copy as template) or from a file (IATI XML, the
// spreadsheet template). A preview runs the very same write inside a transaction that is then rolled
// back, so what it reports is exactly what the import would do, and nothing is kept.
import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import type { ImportIssue } from "@/lib/imports/issues";
import type { ProjectFile } from "@/lib/imports/project-file";
import { readProjectFileOffThread } from "@/lib/imports/read-off-thread";
import { canCreateProjects, ForbiddenError, type Principal } from "@/lib/permissions";
import { type ProjectDefinition, type ProjectDefinitionInput, projectDefinitionSchema } from "./definition";
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
  /** Set once the project was created. */
  projectId?: string;
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

/**
 * Checks and writes a definition in one transaction; with `dryRun` the transaction is rolled back.
 * Problems (invalid fields, unknown references, a taken code) come back listed; nothing is half-saved.
 */
async function writeChecked(
  principal: Principal,
  input: unknown,
  how: { source: string; dryRun: boolean } & Team,
): Promise<Pick<ImportPreview, "project" | "counts" | "problems" | "projectId">> {
  const userId = requireCreator(principal);
  const parsed = projectDefinitionSchema.safeParse(input, { error: issueCode });
  if (!parsed.success) return { project: null, counts: null, problems: zodIssues(parsed.error) };
  const def = parsed.data;
  const summary = {
    project: { code: def.code, name: def.name, startDate: def.startDate, endDate: def.endDate },
    counts: countsOf(def),
  };
  try {
    const projectId = await db().$transaction(
      async (tx) => {
        const [managerIds, evaluatorIds] = await Promise.all([
          usersNamed(tx, how.managerEmails ?? [], "managers"),
          usersNamed(tx, how.evaluatorEmails ?? [], "evaluators"),
        ]);
        const id = await writeProjectDefinition(tx, def, {
          enteredBy: userId,
          reviewedBy: userId,
          // Someone must be able to work in the project: its creator, unless managers are named.
          managerIds: managerIds.length || !how.creatorManages ? managerIds : [userId],
          evaluatorIds,
        });
        await recordAudit(tx, {
          action: "project.create",
          entityType: "Project",
          entityId: id,
          projectId: id,
          actorUserId: userId,
          after: { code: def.code, name: def.name, source: how.source, ...summary.counts },
        });
        if (how.dryRun) throw new Rollback();
        return id;
      },
      { timeout: 120_000 },
    );
    return { ...summary, problems: [], projectId };
  } catch (error) {
    if (error instanceof Rollback) return { ...summary, problems: [] };
    if (error instanceof DefinitionProblems) {
      return { ...summary, problems: error.problems.map((p) => ({ where: p.path, code: p.code })) };
    }
    throw error;
  }
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

/** Creates a project from a definition (admins). */
export async function createProject(
  principal: Principal,
  definition: ProjectDefinitionInput,
  options: { managerEmails?: string[]; source?: string; dryRun?: boolean } = {},
) {
  return writeChecked(principal, definition, {
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
) {
  requireCreator(principal);
  const reading = await readProjectFileOffThread(file);
  const base = { activities: reading.activities, warnings: reading.warnings };
  if (!reading.definition) return { ...base, project: null, counts: null, problems: reading.problems };
  // An imported project is worked in at once: the importer manages it unless the import names managers.
  const written = await writeChecked(principal, reading.definition, {
    source: file.format,
    ...options,
    creatorManages: true,
  });
  if (!written.problems.length) return { ...base, ...written } satisfies ImportPreview;
  const { located } = await readProjectFileOffThread(
    file,
    written.problems.map((p) => p.where),
  );
  const problems = written.problems.map((p, i) => ({ ...p, where: located[i] ?? p.where }));
  return { ...base, ...written, problems } satisfies ImportPreview;
}
