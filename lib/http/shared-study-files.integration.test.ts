// A donor link downloads the documents of the studies shared with it (its project's, shared with donors or
// public) and nothing else: another project's shared study, an internal study, a file named under another
// study all answer 404, as does a revoked link's (410). The token in the path is kept out of the logs.
import { expect, test } from "vitest";
import * as route from "@/app/api/v1/shared/[token]/studies/[studyId]/files/[fileId]/route";
import { db } from "@/lib/platform/db";
import { loggablePath } from "@/lib/platform/ops/log";
import { createShareLink } from "@/lib/server/share-links/service";
import { createStudy } from "@/lib/server/studies/service";
import { principalFor, projectId } from "@/lib/testing/principals";

const pdf = (n: number) =>
  new TextEncoder().encode(`%PDF-1.4\n% study ${n}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

async function download(token: string, studyId: string, fileId: string) {
  const url = `/api/v1/shared/${token}/studies/${studyId}/files/${fileId}`;
  const response = await route.GET(new Request(`http://localhost${url}`), {
    params: Promise.resolve({ token, studyId, fileId }),
  });
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}

test("a donor link downloads its shared studies' documents and no other", async () => {
  const peru = await projectId("PE-VEN-2021");
  const hiv = await projectId("SA-HIV-MOB");
  const admin = await principalFor("admin@example.org");
  const manager = await principalFor("manager@example.org");
  let n = 0;
  const make = async (visibility: "INTERNAL" | "DONORS" | "PUBLIC", projectIds: string[]) => {
    const study = await createStudy(
      admin,
      {
        typeKey: "evaluation",
        texts: [{ language: "en", title: `Donor files ${visibility}` }],
        visibility,
        projectIds,
      },
      [{ name: `${visibility}.pdf`, bytes: pdf(++n) }],
    );
    return { id: study.id, fileId: study.files[0]?.id ?? "" };
  };
  const peruDonors = await make("DONORS", [peru]);
  const peruPublic = await make("PUBLIC", [peru]);
  const peruInternal = await make("INTERNAL", [peru]);
  const hivDonors = await make("DONORS", [hiv]);
  const link = await createShareLink(manager, peru, { label: "Files", expiresAt: null, options: {} as never });
  const other = await createShareLink(admin, hiv, { label: "Other", expiresAt: null, options: {} as never });

  const shared = await download(link.token, peruDonors.id, peruDonors.fileId);
  expect(shared.status).toBe(200);
  expect(shared.bytes).toEqual(pdf(1));
  expect((await download(link.token, peruPublic.id, peruPublic.fileId)).status).toBe(200);
  // An internal study of the same project; another project's shared study; a file under the wrong study.
  expect((await download(link.token, peruInternal.id, peruInternal.fileId)).status).toBe(404);
  expect((await download(link.token, hivDonors.id, hivDonors.fileId)).status).toBe(404);
  expect((await download(link.token, peruDonors.id, peruInternal.fileId)).status).toBe(404);
  // Another link's study (shared with its own project only).
  expect((await download(other.token, peruDonors.id, peruDonors.fileId)).status).toBe(404);
  expect((await download(other.token, hivDonors.id, hivDonors.fileId)).status).toBe(200);
  // A revoked link: gone; an unknown one: not found.
  await db().shareLink.updateMany({ where: { label: "Files" }, data: { revokedAt: new Date() } });
  expect((await download(link.token, peruDonors.id, peruDonors.fileId)).status).toBe(410);
  expect((await download("s_nope", peruDonors.id, peruDonors.fileId)).status).toBe(404);

  expect(loggablePath(`/api/v1/shared/${link.token}/studies/${peruDonors.id}/files/${peruDonors.fileId}`)).toBe(
    `/api/v1/shared/[token]/studies/${peruDonors.id}/files/${peruDonors.fileId}`,
  );
});
