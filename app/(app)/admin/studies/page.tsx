import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StudyVocabularyForm } from "@/components/admin/study-vocabulary-form";
import { canKeepStudyVocabulary } from "@/lib/domain/permissions/studies";
import { requireUser } from "@/lib/platform/auth/session";
import { studyVocabulary } from "@/lib/server/studies/service";

// The library's study types and themes, in English and Spanish, and adding one: instance admins only.
export default async function StudyVocabularyPage() {
  const user = await requireUser();
  if (!canKeepStudyVocabulary(user)) notFound();
  const [{ types, themes }, t] = await Promise.all([studyVocabulary(), getTranslations("studyVocabulary")]);
  const table = (caption: string, rows: { key: string; nameEn: string; nameEs: string }[]) => (
    <table className="data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("key")}</th>
          <th scope="col">{t("nameEn")}</th>
          <th scope="col">{t("nameEs")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <code>{r.key}</code>
            </th>
            <td lang="en">{r.nameEn}</td>
            <td lang="es">{r.nameEs}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <h2>{t("types")}</h2>
      {table(t("types"), types)}
      <StudyVocabularyForm kind="type" />
      <h2>{t("themes")}</h2>
      {table(t("themes"), themes)}
      <StudyVocabularyForm kind="theme" />
    </>
  );
}
