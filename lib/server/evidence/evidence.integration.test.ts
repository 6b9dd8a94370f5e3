import { beforeAll, expect, test } from "vitest";
import { ForbiddenError, type Principal, type UserPrincipal } from "@/lib/domain/permissions";
import { evidenceMediaType } from "@/lib/formats/read/file-type";
import { db } from "@/lib/platform/db";
import { principalFor, projectId } from "@/lib/testing/principals";
import { attachEvidence, EvidenceRefused, evidenceFile, listEvidence, removeEvidence, shareEvidence } from "./service";

let evaluator: UserPrincipal;
let manager: UserPrincipal;
let viewer: UserPrincipal;
let peru: string;
let draftId: string;
let approvedId: string;
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const donor = (): Principal => ({ kind: "share", linkId: "link", projectId: peru });

beforeAll(async () => {
  evaluator = await principalFor("evaluator@example.org");
  manager = await principalFor("manager@example.org");
  viewer = await principalFor("viewer@example.org");
  peru = await projectId("PE-VEN-2021");
  const value = (status: "DRAFT" | "APPROVED") =>
    db().result.findFirstOrThrow({ where: { status, indicator: { projectId: peru } }, select: { id: true } });
  draftId = (await value("DRAFT")).id;
  approvedId = (await value("APPROVED")).id;
});

test("files are told by their bytes: photos, PDFs, office files and text; HTML and scripts are refused", () => {
  expect(evidenceMediaType("report.pdf", pdf)).toBe("application/pdf");
  expect(evidenceMediaType("photo.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
  expect(evidenceMediaType("list.csv", new TextEncoder().encode("name,signed\nAna,yes\n"))).toBe("text/csv");
  expect(evidenceMediaType("page.pdf", new TextEncoder().encode("<html><script>alert(1)</script>"))).toBeNull();
  expect(evidenceMediaType("page.html", new TextEncoder().encode("<html></html>"))).toBeNull();
  expect(evidenceMediaType("notes.txt", new Uint8Array([0x41, 0x00, 0x42]))).toBeNull();
  expect(evidenceMediaType("archive.zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
});

test("an evaluator attaches a file to a value; the manager sees it; a donor only once shared and approved", async () => {
  const onDraft = await attachEvidence(evaluator, peru, { resultId: draftId }, { name: "attendance.pdf", bytes: pdf });
  const onApproved = await attachEvidence(evaluator, peru, { resultId: approvedId }, { name: "photo.pdf", bytes: pdf });
  expect(onDraft).toMatchObject({
    fileName: "attendance.pdf",
    mediaType: "application/pdf",
    size: pdf.length,
    mine: true,
  });
  const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "evidence.attach", entityId: onDraft.id } });
  expect(audit.actorUserId).toBe(evaluator.userId);

  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
  expect(ids(await listEvidence(manager, peru, { resultIds: [draftId, approvedId] }))).toEqual(
    ids([onDraft, onApproved]),
  );
  expect(new TextDecoder().decode((await evidenceFile(manager, peru, onDraft.id))?.bytes)).toContain("%PDF-1.4");
  // A viewer sees what a viewer sees of values: the approved one.
  expect(ids(await listEvidence(viewer, peru, { resultIds: [draftId, approvedId] }))).toEqual([onApproved.id]);
  expect(await evidenceFile(viewer, peru, onDraft.id)).toBeNull();
  // A donor link: nothing until a manager shares it, and never a file of a value not approved.
  expect(await evidenceFile(donor(), peru, onApproved.id)).toBeNull();
  await expect(shareEvidence(evaluator, peru, onApproved.id, true)).rejects.toThrow(ForbiddenError);
  await shareEvidence(manager, peru, onApproved.id, true);
  await shareEvidence(manager, peru, onDraft.id, true);
  expect((await evidenceFile(donor(), peru, onApproved.id))?.item.uploadedBy).toBeNull();
  expect(await evidenceFile(donor(), peru, onDraft.id)).toBeNull();
  expect(await evidenceFile({ kind: "share", linkId: "x", projectId: "other" }, peru, onApproved.id)).toBeNull();

  // Removed by whoever attached it (or a manager); its bytes go with it.
  expect(await removeEvidence(evaluator, peru, onDraft.id)).toBe(true);
  expect(await evidenceFile(manager, peru, onDraft.id)).toBeNull();
  expect(await db().evidenceBlob.count({ where: { key: { startsWith: `${peru}/` } } })).toBe(1);
});

test("refusals change nothing: a viewer, a foreign value, a file too large or of the wrong kind, a full project", async () => {
  const count = () => db().evidence.count();
  const before = await count();
  const attach = (who: Principal, bytes: Uint8Array, name = "x.pdf", target = { resultId: draftId }) =>
    attachEvidence(who, peru, target, { name, bytes });
  await expect(attach(viewer, pdf)).rejects.toThrow(ForbiddenError);
  const nepalValue = await db().result.findFirstOrThrow({ where: { indicator: { project: { code: "SA-HIV-MOB" } } } });
  await expect(attach(manager, pdf, "x.pdf", { resultId: nepalValue.id })).rejects.toThrow(EvidenceRefused);
  await expect(attach(evaluator, new TextEncoder().encode("<script>"), "x.html")).rejects.toThrow(EvidenceRefused);
  const large = new Uint8Array(10 * 1024 * 1024 + 1);
  large.set(pdf);
  await expect(attach(evaluator, large)).rejects.toMatchObject({ code: "tooLarge" });
  expect(await count()).toBe(before);
});
