import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formChoicesFor } from "@/components/studies/form-choices";
import { StudyForm } from "@/components/studies/study-form";
import { requireUser } from "@/lib/platform/auth/session";
import { studyFormChoices } from "@/lib/server/studies/service";

export default async function NewStudyPage() {
  const user = await requireUser();
  const [choices, t, locale] = await Promise.all([studyFormChoices(user), getTranslations("studies"), getLocale()]);
  return (
    <>
      <p className="no-print">
        <Link href="/studies">← {t("back")}</Link>
      </p>
      <h1>{t("form.title")}</h1>
      <StudyForm locale={locale} choices={formChoicesFor(choices, locale)} />
    </>
  );
}
