import { getTranslations } from "next-intl/server";
import { ProjectList } from "@/components/projects/project-list";
import { requireUser } from "@/lib/auth/session";
import { listProjects } from "@/lib/projects/service";

export default async function ProjectsPage() {
  const user = await requireUser();
  const [projects, t] = await Promise.all([listProjects(user), getTranslations("projects")]);
  return (
    <>
      <h1>{t("title")}</h1>
      {projects.length === 0 ? <p>{t("empty")}</p> : <ProjectList projects={projects} />}
    </>
  );
}
