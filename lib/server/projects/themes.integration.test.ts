// A project's themes (#34), set with its details (project.edit): from the one catalogue studies use,
// saved with the details in one transaction, behind the same version check.
import { beforeAll, expect, test } from "vitest";
import type { UserPrincipal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { EditRefused, StaleEdit, updateProjectDetails } from "./edit";

let manager: UserPrincipal;
let peru: string;

beforeAll(async () => {
  manager = await principalFor("manager@example.org");
  peru = await projectId("PE-VEN-2021");
});

async function details() {
  const p = await db().project.findUniqueOrThrow({ where: { id: peru }, include: { locations: true } });
  return {
    version: p.version,
    name: p.name,
    summary: p.summary,
    donor: p.donor,
    partners: p.partners,
    startDate: p.startDate.toISOString().slice(0, 10),
    endDate: p.endDate.toISOString().slice(0, 10),
    reportingFrequency: p.reportingFrequency,
    onTrackThreshold: p.onTrackThreshold,
    atRiskThreshold: p.atRiskThreshold,
    languages: p.languages,
    sourceNote: p.sourceNote,
    locationIds: p.locations.map((l) => l.locationId),
  };
}

const themesOf = async () =>
  (await db().projectTheme.findMany({ where: { projectId: peru } })).map((t) => t.themeKey).sort();

test("the details save the project's themes with them; an unknown theme or an older version writes nothing", async () => {
  expect(await themesOf()).toEqual(["migration", "protection"]);
  const read = await details();

  const unknown = await updateProjectDetails(manager, peru, {
    ...read,
    donor: "Changed donor",
    themes: ["gbv", "no-such-theme"],
  }).catch((e: unknown) => e);
  expect(unknown).toBeInstanceOf(EditRefused);
  expect((unknown as EditRefused).fields).toEqual([{ field: "body.themes", code: "unknownTheme" }]);
  expect(await themesOf()).toEqual(["migration", "protection"]);
  expect((await db().project.findUniqueOrThrow({ where: { id: peru } })).donor).toBe(read.donor);

  const saved = await updateProjectDetails(manager, peru, {
    ...read,
    donor: "New donor",
    themes: ["gbv", "migration"],
  });
  expect(saved.version).toBe(read.version + 1);
  expect(await themesOf()).toEqual(["gbv", "migration"]);
  const audit = await db().auditEvent.findFirstOrThrow({
    where: { entityId: peru, action: "project.update" },
    orderBy: { at: "desc" },
  });
  expect(audit.before).toMatchObject({ themes: ["migration", "protection"] });
  expect(audit.after).toMatchObject({ themes: ["gbv", "migration"] });

  // A save on the version read before is stale: its themes are not written.
  await expect(updateProjectDetails(manager, peru, { ...read, themes: ["health"] })).rejects.toBeInstanceOf(StaleEdit);
  expect(await themesOf()).toEqual(["gbv", "migration"]);

  // Left out (an API client that does not know themes): unchanged; an empty list clears them.
  await updateProjectDetails(manager, peru, { ...(await details()), donor: "Again" });
  expect(await themesOf()).toEqual(["gbv", "migration"]);
  await updateProjectDetails(manager, peru, { ...(await details()), themes: [] });
  expect(await themesOf()).toEqual([]);
});
