// Editing a study and its documents on a real database (PGlite and PostgreSQL): an edit names the version
// it was made on (a stale one is refused and changes nothing), is audited with what it replaced, and is
// refused to whoever does not edit studies of every project concerned; documents are added (checked as
// evidence files) and removed with their bytes.
import { describe, expect, test } from "vitest";
import { ForbiddenError } from "@/lib/domain/permissions";
import type { StudyInput } from "@/lib/domain/studies/input";
import { db } from "@/lib/platform/db";
import { EvidenceRefused } from "@/lib/server/evidence/service";
import { StaleEdit } from "@/lib/server/projects/edit";
import { principalFor, projectId } from "@/lib/testing/principals";
import {
  attachStudyFiles,
  createStudy,
  readStudy,
  removeStudyFile,
  studyFile,
  studyForEdit,
  updateStudy,
} from "./service";

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

const study = (over: Partial<StudyInput>): StudyInput => ({
  typeKey: "evaluation",
  texts: [{ language: "en", title: "A study" }],
  ...over,
});

describe("editing a study", () => {
  test("a manager edits a study as of the version read; a second save on that version is refused and changes nothing", async () => {
    const peru = await projectId("PE-VEN-2021");
    const manager = await principalFor("manager@example.org");
    const indicator = await db().indicator.findFirstOrThrow({ where: { projectId: peru }, orderBy: { code: "asc" } });
    const made = await createStudy(
      manager,
      study({
        projectIds: [peru],
        findings: [{ language: "en", statement: "Most reached a service.", indicatorId: indicator.id }],
      }),
    );
    const start = await studyForEdit(manager, made.id);
    expect(start).toMatchObject({ version: 1, data: { projectIds: [peru], texts: [{ title: "A study" }] } });
    const edited = await updateStudy(
      manager,
      made.id,
      study({ projectIds: [peru], texts: [{ language: "en", title: "A final evaluation" }], pageCount: 14 }),
      1,
    );
    expect(edited).toMatchObject({ version: 2, pageCount: 14, texts: [{ title: "A final evaluation" }] });
    expect(edited?.findings).toEqual([]);

    // Someone else opened it at version 1 too: their save is refused, not applied over the first.
    await expect(
      updateStudy(manager, made.id, study({ projectIds: [peru], texts: [{ language: "en", title: "Stale" }] }), 1),
    ).rejects.toBeInstanceOf(StaleEdit);
    expect((await readStudy(manager, made.id))?.texts[0]?.title).toBe("A final evaluation");

    const audit = await db().auditEvent.findFirstOrThrow({
      where: { entityType: "Study", entityId: made.id, action: "study.update" },
    });
    expect(audit.before).toMatchObject({ texts: [{ title: "A study" }], findings: [{ indicatorId: indicator.id }] });
    expect(audit.after).toMatchObject({ texts: [{ title: "A final evaluation" }], pageCount: 14 });
    expect(await db().auditEvent.count({ where: { entityId: made.id, action: "study.update" } })).toBe(1);
  });

  test("who may edit: viewers and evaluators are refused, a non-member does not find it, a manager may not move it to a project it does not manage", async () => {
    const peru = await projectId("PE-VEN-2021");
    const manager = await principalFor("manager@example.org");
    const made = await createStudy(manager, study({ projectIds: [peru] }));
    const change = study({ projectIds: [peru], texts: [{ language: "en", title: "Changed" }] });
    for (const email of ["viewer@example.org", "evaluator@example.org"]) {
      const user = await principalFor(email);
      expect(await studyForEdit(user, made.id)).toBeNull();
      await expect(updateStudy(user, made.id, change, 1)).rejects.toThrow(ForbiddenError);
      await expect(attachStudyFiles(user, made.id, [{ name: "a.pdf", bytes: pdf }])).rejects.toThrow(ForbiddenError);
    }
    // A project the manager is no member of: the study may not be linked to it, nor is that project's study
    // found by the manager.
    const foreign = (
      await db().project.create({
        data: {
          ...{ code: "STUDY-EDIT-OTHER", name: "Another project", reportingFrequency: "QUARTERLY" },
          ...{ startDate: new Date("2025-01-01"), endDate: new Date("2025-12-31") },
        },
      })
    ).id;
    await expect(updateStudy(manager, made.id, study({ projectIds: [peru, foreign] }), 1)).rejects.toThrow(
      ForbiddenError,
    );
    const admin = await principalFor("admin@example.org");
    const hidden = await createStudy(admin, study({ projectIds: [foreign] }));
    expect(await updateStudy(manager, hidden.id, change, 1)).toBeNull();
    expect(await attachStudyFiles(manager, hidden.id, [{ name: "a.pdf", bytes: pdf }])).toBeNull();
    expect(await removeStudyFile(manager, hidden.id, "none")).toBeNull();
    expect((await readStudy(admin, made.id))?.texts[0]?.title).toBe("A study");
    expect((await readStudy(admin, hidden.id))?.version).toBe(1);
  });
});

describe("a study's documents", () => {
  test("a manager adds a document (audited, downloadable) and removes it with its bytes; a bad file is refused", async () => {
    const peru = await projectId("PE-VEN-2021");
    const manager = await principalFor("manager@example.org");
    const made = await createStudy(manager, study({ projectIds: [peru] }));
    const added = await attachStudyFiles(manager, made.id, [{ name: "annex.pdf", bytes: pdf }]);
    expect(added?.files).toMatchObject([{ fileName: "annex.pdf", mediaType: "application/pdf" }]);
    const fileId = added?.files[0]?.id ?? "";
    expect((await studyFile(manager, made.id, fileId))?.bytes).toEqual(pdf);
    expect(await db().auditEvent.count({ where: { entityId: made.id, action: "study.file.attach" } })).toBe(1);

    await expect(attachStudyFiles(manager, made.id, [{ name: "report.pdf", bytes: exe }])).rejects.toThrow(
      EvidenceRefused,
    );
    expect(await db().studyFile.count({ where: { studyId: made.id } })).toBe(1);

    const { storageKey } = await db().studyFile.findFirstOrThrow({ where: { id: fileId } });
    expect(await removeStudyFile(manager, made.id, fileId)).toBe(true);
    expect(await removeStudyFile(manager, made.id, fileId)).toBe(false);
    expect(await studyFile(manager, made.id, fileId)).toBeNull();
    expect(await db().evidenceBlob.count({ where: { key: storageKey } })).toBe(0);
    expect(await db().auditEvent.count({ where: { entityId: made.id, action: "study.file.remove" } })).toBe(1);
    // Another study's file is not this study's to remove.
    const other = await createStudy(manager, study({ projectIds: [peru] }), [{ name: "b.pdf", bytes: pdf }]);
    expect(await removeStudyFile(manager, made.id, other.files[0]?.id ?? "")).toBe(false);
    expect(await db().studyFile.count({ where: { studyId: other.id } })).toBe(1);
  });
});
