import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AddSiteForm } from "@/components/setup/add-site-form";
import { BoundariesForm } from "@/components/setup/boundaries-form";
import { CopyProjectForm } from "@/components/setup/copy-project-form";
import { ProjectDetailsForm } from "@/components/setup/project-details-form";
import { SetupNav } from "@/components/setup/setup-nav";
import { can, canCreateProjects } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/platform/auth/session";
import { uploadLimits } from "@/lib/platform/upload-limits";
import { placeOptions } from "@/lib/server/catalogue/place-options";
import { boundaryCoverage } from "@/lib/server/maps/service";
import { projectForSettings } from "@/lib/server/projects/setup-views";
import { studyVocabulary } from "@/lib/server/studies/service";

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const [{ projectId }, user] = await Promise.all([params, requireUser()]);
  if (!can(user, "project.edit", projectId)) notFound();
  const [project, places, coverage, t, locale, vocabulary] = await Promise.all([
    projectForSettings(user, projectId),
    getLocale().then((locale) => placeOptions(locale, "id")),
    boundaryCoverage(user, projectId),
    getTranslations("setup"),
    getLocale(),
    studyVocabulary(),
  ]);
  if (!project) notFound();
  return (
    <>
      <SetupNav projectId={project.id} projectName={project.name} current="settings" />
      <h1>{t("settingsTitle")}</h1>
      <p>
        <a href={`/api/v1/projects/${project.id}/logframe.xlsx`}>{t("logframeDownload")}</a> ·{" "}
        <a href={`/api/v1/projects/${project.id}/logframe.csv`}>{t("logframeDownloadCsv")}</a>
      </p>
      <div className="two-columns">
        <ProjectDetailsForm
          projectId={project.id}
          places={places}
          themes={vocabulary.themes.map((th) => ({ key: th.key, name: locale === "es" ? th.nameEs : th.nameEn }))}
          details={{
            version: project.version,
            name: project.name,
            summary: project.summary,
            donor: project.donor,
            partners: project.partners.join("; "),
            startDate: day(project.startDate),
            endDate: day(project.endDate),
            reportingFrequency: project.reportingFrequency,
            onTrackThreshold: project.onTrackThreshold,
            atRiskThreshold: project.atRiskThreshold,
            languages: project.languages.join("; "),
            sourceNote: project.sourceNote,
            locationIds: project.locations.map((l) => l.locationId),
            themes: project.themes.map((th) => th.themeKey),
          }}
        />
        <div>
          <AddSiteForm
            projectId={project.id}
            parents={project.locations.map((l) => ({ id: l.locationId, name: l.location.name }))}
          />
          <BoundariesForm projectId={project.id} coverage={coverage} caps={uploadLimits().forms.boundaries} />
          {canCreateProjects(user) && <CopyProjectForm projectId={project.id} />}
        </div>
      </div>
    </>
  );
}
