import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StudyDetails } from "@/components/studies/study-details";
import { StudyDocuments } from "@/components/studies/study-documents";
import { requireUser } from "@/lib/platform/auth/session";
import { readStudy } from "@/lib/server/studies/service";

export default async function StudyPage({ params }: { params: Promise<{ studyId: string }> }) {
  const user = await requireUser();
  const { studyId } = await params;
  const [study, t, locale] = await Promise.all([readStudy(user, studyId), getTranslations("studies"), getLocale()]);
  if (!study) notFound();
  return (
    <>
      <p className="no-print">
        <Link href="/studies">← {t("back")}</Link>
        {study.canEdit && (
          <>
            {" · "}
            <Link href={`/studies/${study.id}/edit`}>{t("edit")}</Link>
          </>
        )}
      </p>
      <StudyDetails study={study} locale={locale} />
      {study.canEdit && <StudyDocuments studyId={study.id} files={study.files} />}
    </>
  );
}
