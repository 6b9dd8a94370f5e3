import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formChoicesFor } from "@/components/studies/form-choices";
import { StudyForm } from "@/components/studies/study-form";
import { studyFormValues } from "@/lib/domain/studies/form";
import { textFor } from "@/lib/domain/studies/text";
import { requireUser } from "@/lib/platform/auth/session";
import { readStudy, studyForEdit, studyFormChoices } from "@/lib/server/studies/service";

// The filing form started from the study as stored, for those who edit it (anyone else: not found).
export default async function EditStudyPage({ params }: { params: Promise<{ studyId: string }> }) {
  const user = await requireUser();
  const { studyId } = await params;
  const [stored, study, choices, t, locale] = await Promise.all([
    studyForEdit(user, studyId),
    readStudy(user, studyId),
    studyFormChoices(user),
    getTranslations("studies"),
    getLocale(),
  ]);
  if (!stored || !study) notFound();
  return (
    <>
      <p className="no-print">
        <Link href={`/studies/${studyId}`}>← {textFor(study.texts, locale)?.title}</Link>
      </p>
      <h1>{t("form.editTitle")}</h1>
      <StudyForm
        locale={locale}
        choices={formChoicesFor(choices, locale, study.places)}
        edit={{ studyId, version: stored.version, ...studyFormValues(stored.data) }}
      />
    </>
  );
}
