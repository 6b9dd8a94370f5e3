import { getTranslations } from "next-intl/server";
import { PartnerSitesForm, TwoLevelApprovalForm } from "@/components/setup/partner-sites-form";
import { SetupNav } from "@/components/setup/setup-nav";
import { projectPartners } from "@/lib/server/partners/service";
import { gateProjectPage } from "@/lib/server/projects/page-gate";

// Which partner organisation reports each of the project's places, and whether the project asks for
// two-level approval (#34): the project's managers and admins ("partners.assign"); others: not found.
export default async function ProjectPartnersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await gateProjectPage(params, "partners.assign");
  const [view, t] = await Promise.all([projectPartners(user, project.id), getTranslations("partners.project")]);
  return (
    <>
      <SetupNav projectId={project.id} projectName={project.name} current="partners" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {view.partners.length === 0 && <p className="notice">{t("noPartners")}</p>}
      <div className="two-columns">
        <PartnerSitesForm projectId={project.id} partners={view.partners} places={view.places} />
        <TwoLevelApprovalForm projectId={project.id} on={view.twoLevelApproval} />
      </div>
    </>
  );
}
