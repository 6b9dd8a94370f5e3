import { publicStudyFileDownload } from "@/lib/http/study-handlers";

// A public study's document, for anyone while the public library is open (404 otherwise).
export async function GET(_request: Request, { params }: { params: Promise<{ studyId: string; fileId: string }> }) {
  const { studyId, fileId } = await params;
  return publicStudyFileDownload(studyId.slice(0, 64), fileId.slice(0, 64));
}
