// Admins add study types and themes (English and Spanish names) on a real database; nobody else may, a
// key is never taken twice, and what is added is offered by the forms' and filters' vocabulary.
import { expect, test } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { db } from "@/lib/platform/db";
import { EditRefused } from "@/lib/server/projects/edit";
import { principalFor } from "@/lib/testing/principals";
import { studyVocabulary } from "./service";
import { addStudyVocabulary } from "./vocabulary";

test("an admin adds a type and a theme; managers may not; a taken or malformed key is refused", async () => {
  const admin = await principalFor("admin@example.org");
  await addStudyVocabulary(admin, {
    kind: "type",
    key: "vocab-test-tracer",
    nameEn: "Tracer study",
    nameEs: "Estudio de seguimiento",
  });
  await addStudyVocabulary(admin, {
    kind: "theme",
    key: "vocab-test-livelihoods",
    nameEn: "Livelihoods",
    nameEs: "Medios de vida",
  });
  const { types, themes } = await studyVocabulary();
  expect(types.at(-1)).toMatchObject({ key: "vocab-test-tracer", nameEs: "Estudio de seguimiento" });
  expect(themes.find((x) => x.key === "vocab-test-livelihoods")).toMatchObject({ nameEn: "Livelihoods" });
  expect(await db().auditEvent.count({ where: { action: { in: ["study.type.add", "study.theme.add"] } } })).toBe(2);

  await expect(
    addStudyVocabulary(admin, { kind: "type", key: "evaluation", nameEn: "Again", nameEs: "Otra vez" }),
  ).rejects.toThrow(EditRefused);
  await expect(
    addStudyVocabulary(admin, { kind: "theme", key: "Bad Key", nameEn: "x", nameEs: "y" }),
  ).rejects.toThrow();
  for (const email of ["manager@example.org", "viewer@example.org"]) {
    await expect(
      addStudyVocabulary(await principalFor(email), { kind: "theme", key: "not-added", nameEn: "x", nameEs: "y" }),
    ).rejects.toThrow(DomainError);
  }
  expect(await db().studyTheme.count({ where: { key: "not-added" } })).toBe(0);
});

test("two admins adding the same key at once: one is added, the other refused on its key (not a failure)", async () => {
  const admin = await principalFor("admin@example.org");
  const add = () => addStudyVocabulary(admin, { kind: "theme", key: "vocab-race", nameEn: "Race", nameEs: "Carrera" });
  const outcomes = await Promise.allSettled([add(), add(), add()]);
  expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
  for (const o of outcomes)
    if (o.status === "rejected") expect(o.reason).toMatchObject({ field: "key", reason: "taken" });
  expect(await db().studyTheme.count({ where: { key: "vocab-race" } })).toBe(1);
});
