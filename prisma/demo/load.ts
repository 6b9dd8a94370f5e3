// Writes the demo data into an empty database in one transaction.
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { dimensions, locations } from "./catalogue";
import { nepal } from "./nepal";
import { peru } from "./peru";
import { roma } from "./roma";
import type { DemoProject, Figure } from "./types";
import { demoUsers } from "./users";

export const demoProjects: DemoProject[] = [peru, roma, nepal];

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Ids = { location: Map<string, string>; option: Map<string, string>; dimension: Map<string, string> };

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

function figure(f: Figure) {
  return {
    value: f.value ?? null,
    numerator: f.numerator ?? null,
    denominator: f.denominator ?? null,
  };
}

async function loadCatalogue(tx: Tx): Promise<Ids> {
  const ids: Ids = { location: new Map(), option: new Map(), dimension: new Map() };
  for (const l of locations) {
    const row = await tx.location.create({
      data: {
        isoCode: l.isoCode,
        name: l.name,
        level: l.level,
        parentId: l.parent ? ids.location.get(l.parent) : null,
      },
    });
    ids.location.set(l.isoCode, row.id);
  }
  for (const d of dimensions) {
    const row = await tx.disaggregationDimension.create({
      data: {
        key: d.key,
        name: d.name,
        options: { create: d.options.map(([key, name], sortOrder) => ({ key, name, sortOrder })) },
      },
      include: { options: true },
    });
    ids.dimension.set(d.key, row.id);
    for (const o of row.options) ids.option.set(`${d.key}:${o.key}`, o.id);
  }
  return ids;
}

function lookup(map: Map<string, string>, key: string | undefined, what: string): string | null {
  if (key === undefined) return null;
  const id = map.get(key);
  if (!id) throw new Error(`Demo data names an unknown ${what}: ${key}`);
  return id;
}

async function loadProject(tx: Tx, p: DemoProject, ids: Ids, userIds: Map<string, string>) {
  const project = await tx.project.create({
    data: {
      code: p.code,
      name: p.name,
      summary: p.summary,
      donor: p.donor,
      partners: p.partners,
      startDate: date(p.startDate),
      endDate: date(p.endDate),
      reportingFrequency: p.reportingFrequency,
      languages: p.languages,
      sourceNote: p.sourceNote,
      locations: { create: p.locations.map((iso) => ({ locationId: lookup(ids.location, iso, "location") ?? "" })) },
    },
  });
  const holder = (role: string) => {
    const user = demoUsers.find((u) => u.roles[p.code] === role);
    return user ? (userIds.get(user.email) ?? null) : null;
  };
  const managerId = holder("MANAGER");
  const evaluatorId = holder("EVALUATOR") ?? managerId;
  const when = new Map<string, { periodId: string | null; roundId: string | null }>();
  when.set("lop", { periodId: null, roundId: null });
  for (const period of p.periods) {
    const row = await tx.reportingPeriod.create({
      data: {
        projectId: project.id,
        label: period.label,
        startDate: date(period.startDate),
        endDate: date(period.endDate),
        lockedAt: period.locked ? date(period.endDate) : null,
        lockedById: period.locked ? managerId : null,
      },
    });
    when.set(period.label, { periodId: row.id, roundId: null });
  }
  for (const { key, ...round } of p.rounds) {
    const row = await tx.surveyRound.create({
      data: { ...round, projectId: project.id, startDate: date(round.startDate), endDate: date(round.endDate) },
    });
    when.set(key, { periodId: null, roundId: row.id });
  }
  const indicatorIds = new Map<string, string>();
  const nodeIds = new Map<string, string>();
  for (const [nodeOrder, node] of p.nodes.entries()) {
    const row = await tx.resultNode.create({
      data: {
        projectId: project.id,
        parentId: node.parent ? nodeIds.get(node.parent) : null,
        level: node.level,
        code: node.code,
        title: node.title,
        sortOrder: nodeOrder,
      },
    });
    nodeIds.set(node.code, row.id);
    for (const [order, ind] of node.indicators.entries()) {
      const [fromCode, ...optionKey] = ind.composedFrom?.split(":") ?? [];
      const indicator = await tx.indicator.create({
        data: {
          projectId: project.id,
          resultNodeId: row.id,
          code: ind.code,
          title: ind.title,
          definition: ind.definition ?? "",
          unit: ind.unit ?? "",
          measure: ind.measure,
          direction: ind.direction ?? "INCREASE",
          timeRule: ind.timeRule ?? "NON_CUMULATIVE",
          source: ind.source ?? "MONITORING",
          baselineValue: ind.baseline?.value ?? null,
          baselineNumerator: ind.baseline?.numerator ?? null,
          baselineDenominator: ind.baseline?.denominator ?? null,
          baselineNote: ind.baseline?.note ?? "",
          baselineProvenance: ind.baseline?.provenance ?? "ILLUSTRATIVE",
          meansOfVerification: ind.meansOfVerification ?? "",
          sortOrder: order,
          composedFromId: fromCode ? lookup(indicatorIds, fromCode, "indicator") : null,
          composedOptionId: fromCode ? lookup(ids.option, optionKey.join(":"), "option") : null,
          dimensions: {
            create: (ind.dimensions ?? []).map((d) => ({ dimensionId: lookup(ids.dimension, d, "dimension") ?? "" })),
          },
        },
      });
      indicatorIds.set(ind.code, indicator.id);
      const scope = (w: string) => {
        const found = when.get(w);
        if (!found) throw new Error(`Demo data names an unknown period or round: ${w}`);
        return found;
      };
      await tx.target.createMany({
        data: ind.targets.map((t) => ({
          indicatorId: indicator.id,
          ...scope(t.when),
          locationId: lookup(ids.location, t.location, "location"),
          optionId: lookup(ids.option, t.option, "option"),
          ...figure(t),
          note: t.note ?? t.text ?? "",
          provenance: t.provenance,
        })),
      });
      await tx.result.createMany({
        data: ind.results.map((r) => ({
          indicatorId: indicator.id,
          ...scope(r.when),
          locationId: lookup(ids.location, r.location, "location") ?? "",
          optionId: lookup(ids.option, r.option, "option"),
          ...figure(r),
          sampleSize: r.sampleSize ?? null,
          textValue: r.text ?? null,
          note: r.note ?? "",
          status: r.status,
          provenance: r.provenance,
          createdById: evaluatorId,
          updatedById: evaluatorId,
          submittedAt: r.status === "DRAFT" ? null : date(p.startDate),
          reviewedById: r.status === "APPROVED" ? managerId : null,
          reviewedAt: r.status === "APPROVED" ? date(p.startDate) : null,
        })),
      });
    }
  }
  for (const user of demoUsers) {
    const role = user.roles[p.code];
    const userId = userIds.get(user.email);
    if (role && userId) await tx.membership.create({ data: { userId, projectId: project.id, role } });
  }
}

/** Loads the catalogue, demo users and demo projects. The database must be empty. */
export async function loadDemoData(prisma: Db): Promise<void> {
  const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
  await prisma.$transaction(
    async (tx) => {
      const ids = await loadCatalogue(tx);
      const userIds = new Map<string, string>();
      for (const [i, u] of demoUsers.entries()) {
        const row = await tx.user.create({
          data: { email: u.email, name: u.name, isAdmin: u.isAdmin ?? false, passwordHash: hashes[i] ?? "" },
        });
        userIds.set(u.email, row.id);
      }
      for (const project of demoProjects) await loadProject(tx, project, ids, userIds);
    },
    { timeout: 120_000 },
  );
}
