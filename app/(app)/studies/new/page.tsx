import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StudyForm } from "@/components/studies/study-form";
import { nameFor } from "@/lib/domain/studies/text";
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
      <StudyForm
        locale={locale}
        choices={{
          types: choices.types.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
          themes: choices.themes.map((x) => ({ value: x.key, label: nameFor(x, locale) })),
          countries: choices.countries.map((c) => ({ value: c.id, label: c.name })),
          projects: choices.projects.map((p) => ({
            id: p.id,
            label: p.code,
            rounds: p.surveyRounds.map((r) => ({ value: r.id, label: r.name })),
            indicators: p.indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.title}` })),
          })),
        }}
      />
    </>
  );
}
