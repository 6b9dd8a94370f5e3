import { beforeAll, expect, test } from "vitest";
import { db, type SentQuery, watchQueries } from "@/lib/platform/db";
import { principalFor } from "@/lib/testing/principals";
import { getProject } from "./service";

const sent: SentQuery[] = [];

/** getProject as it read a project before it was one statement (3: Prisma's include), the reference. */
const projectAsBefore = (projectId: string) =>
  db().project.findUnique({
    where: { id: projectId },
    include: {
      resultNodes: {
        orderBy: { sortOrder: "asc" },
        include: { indicators: { where: { archivedAt: null }, orderBy: { sortOrder: "asc" } } },
      },
    },
  });

beforeAll(async () => {
  await watchQueries((query) => sent.push(query));
  // An archived indicator (left out), a baseline date, JSON and a place in every field the gate returns.
  const indicators = await db().indicator.findMany({ orderBy: { id: "asc" }, take: 2 });
  await db().indicator.update({ where: { id: indicators[0]?.id }, data: { archivedAt: new Date() } });
  await db().indicator.update({
    where: { id: indicators[1]?.id },
    data: { baselineDate: new Date("2020-02-29T00:00:00Z"), baselineValue: 0.1 + 0.2, minValue: -1e-7 },
  });
  const project = await db().project.findFirstOrThrow({ orderBy: { code: "asc" } });
  await db().project.update({
    where: { id: project.id },
    data: { surveyRules: { rules: [{ a: 1, b: [null, "x"] }] }, archivedAt: new Date(), onTrackThreshold: 0.9 },
  });
});

test("a project with its logframe in one statement, the same as before", async () => {
  const admin = await principalFor("admin@example.org");
  const projects = await db().project.findMany({ select: { id: true } });
  let indicators = 0;
  for (const { id } of projects) {
    const before = await projectAsBefore(id);
    sent.length = 0;
    const project = await getProject(admin, id);
    expect(sent.length).toBe(1);
    expect(project).toEqual(before);
    indicators += project?.resultNodes.flatMap((n) => n.indicators).length ?? 0;
  }
  expect(indicators).toBeGreaterThan(0);
  expect(await getProject(admin, "no-such-project")).toBeNull();
  // Not readable: null without a statement.
  const viewer = await principalFor("viewer@example.org");
  const nepal = await db().project.findUniqueOrThrow({ where: { code: "SA-HIV-MOB" } });
  sent.length = 0;
  expect(await getProject(viewer, nepal.id)).toBeNull();
  expect(sent.length).toBe(0);
});
