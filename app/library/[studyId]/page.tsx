import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StudyDetails } from "@/components/studies/study-details";
import { publicStudy } from "@/lib/server/studies/public-library";

/** A public study's page, printable (the header and back link are left off paper). */
export default async function PublicStudyPage({ params }: { params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const [study, t, locale] = await Promise.all([publicStudy(studyId), getTranslations("studies"), getLocale()]);
  if (!study) notFound();
  return (
    <>
      <p className="no-print">
        <a href="/library">← {t("publicBack")}</a>
      </p>
      <StudyDetails study={study} locale={locale} fileHref={(fileId) => `/library/${study.id}/files/${fileId}`} />
    </>
  );
}
