// A project imported from an IATI file gets a study for each of its document-links of evaluation (A07) or
// results/learning (A08) category: titles by language, type, publication date, linked to the project.
// They are filed internal: publishing one is a manager's choice. The document-links themselves stay kept
// in the project's IATI data and are written back as published (the file's url and format).
// No "server-only" mark: the demo seed (tsx) writes projects through lib/server/projects/write.ts.
import type { KeptXml } from "@/lib/domain/projects/iati-kept";
import { studiesOfDocumentLinks } from "@/lib/domain/studies/iati";
import type { Tx } from "@/lib/platform/db";

export async function createDocumentStudies(
  tx: Tx,
  projectId: string,
  elements: KeptXml[],
  language: string,
  createdById: string | null,
): Promise<number> {
  const studies = studiesOfDocumentLinks(elements, language);
  for (const s of studies) {
    await tx.study.create({
      data: {
        typeKey: s.typeKey,
        publishedOn: s.publishedOn ? new Date(`${s.publishedOn}T00:00:00Z`) : null,
        visibility: "INTERNAL",
        createdById,
        texts: { create: s.texts },
        projects: { create: [{ projectId }] },
      },
    });
  }
  return studies.length;
}
