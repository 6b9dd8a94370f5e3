// Writes the demo data into an empty database in one transaction.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectDefinitionSchema } from "@/lib/domain/projects/definition";
import { hashPassword } from "@/lib/platform/auth/password";
import type { Db, Tx } from "@/lib/platform/db";
import { ensureReferenceData } from "@/lib/server/catalogue/reference";
import { readProjectBoundaries, saveBoundaries } from "@/lib/server/maps/write";
import { writeProjectDefinition } from "@/lib/server/projects/write";
import { regions } from "./catalogue";
import { loadLibrary } from "./library";
import { nepal } from "./nepal";
import { loadPartners } from "./partners";
import { peru } from "./peru";
import { loadPopulation } from "./population";
import { demoProjectThemes } from "./project-themes";
import { loadRegions } from "./regions";
import { roma } from "./roma";
import { loadStudies } from "./studies";
import type { DemoProject } from "./types";
import { demoUsers } from "./users";

export const demoProjects: DemoProject[] = [peru, roma, nepal];

/** Natural Earth's outlines of the demo's places (public domain; made by scripts/demo-boundaries.ts). */
const boundaries = () => readFileSync(join(import.meta.dirname, "boundaries.geojson"), "utf8");

/** The reference data, then the demo's regions under their countries. */
async function loadCatalogue(tx: Tx) {
  await ensureReferenceData(tx);
  for (const r of regions) {
    const parent = await tx.location.findUniqueOrThrow({ where: { isoCode: r.parent } });
    await tx.location.create({ data: { isoCode: r.isoCode, name: r.name, level: "ADMIN1", parentId: parent.id } });
  }
}

async function loadProject(tx: Tx, p: DemoProject, userIds: Map<string, string>) {
  const holder = (role: string) => {
    const user = demoUsers.find((u) => u.roles[p.code] === role);
    return user ? (userIds.get(user.email) ?? null) : null;
  };
  const managerId = holder("MANAGER");
  const projectId = await writeProjectDefinition(tx, projectDefinitionSchema.parse(p), {
    enteredBy: holder("EVALUATOR") ?? managerId,
    reviewedBy: managerId,
  });
  const themes = demoProjectThemes[p.code] ?? [];
  if (themes.length) await tx.projectTheme.createMany({ data: themes.map((themeKey) => ({ projectId, themeKey })) });
  const map = await readProjectBoundaries(tx, projectId, boundaries());
  if (map.ok) await saveBoundaries(tx, projectId, map.matched);
  for (const user of demoUsers) {
    const role = user.roles[p.code];
    const userId = userIds.get(user.email);
    if (role && userId) await tx.membership.create({ data: { userId, projectId, role } });
  }
}

/** Loads the catalogue, demo users and demo projects. The database must be empty. */
export async function loadDemoData(prisma: Db): Promise<void> {
  const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
  await prisma.$transaction(
    async (tx) => {
      await loadCatalogue(tx);
      const userIds = new Map<string, string>();
      for (const [i, u] of demoUsers.entries()) {
        const row = await tx.user.create({
          data: {
            email: u.email,
            name: u.name,
            isAdmin: u.isAdmin ?? false,
            orgRole: u.orgRole ?? null,
            passwordHash: hashes[i] ?? "",
          },
        });
        userIds.set(u.email, row.id);
      }
      for (const project of demoProjects) await loadProject(tx, project, userIds);
      await loadLibrary(tx);
      await loadPartners(tx, userIds);
      await loadPopulation(tx);
      await loadRegions(tx);
      await loadStudies(tx);
      // Approved about three weeks after each period or round ended, as a real team would have.
      await tx.$executeRaw`
        UPDATE "Result" r SET "reviewedAt" = LEAST(t."endDate" + interval '20 days', CURRENT_TIMESTAMP::timestamp)
        FROM (SELECT "id", "endDate" FROM "ReportingPeriod" UNION ALL SELECT "id", "endDate" FROM "SurveyRound") t
        WHERE r."status" = 'APPROVED' AND t."id" = COALESCE(r."periodId", r."roundId")`;
    },
    { timeout: 120_000 },
  );
}
