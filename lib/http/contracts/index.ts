// Every /api/v1 route's contract: the OpenAPI document is generated from this list.
import { pushSubmissionHeaderContract, pushSubmissionPathContract } from "./connections";

import {
  deleteEvidenceContract,
  getEvidenceContract,
  getSharedEvidenceContract,
  listEvidenceContract,
  updateEvidenceContract,
  uploadEvidenceContract,
} from "./evidence";
import { iatiExportContract, projectReportPdfContract, trackingCsvContract, trackingXlsxContract } from "./exports";
import {
  copyProjectContract,
  createIndicatorContract,
  createProjectContract,
  importProjectContract,
  inviteMemberContract,
  listMembersContract,
  logframeTemplateContract,
  logframeTemplateCsvContract,
  projectLogframeContract,
  projectLogframeCsvContract,
  removeMemberContract,
  saveTargetsContract,
  setMemberRoleContract,
  updateIndicatorContract,
  updateProjectContract,
} from "./projects";
import { getProjectContract, listIndicatorsContract, listProjectsContract, listResultsContract } from "./read";
import {
  importProgressContract,
  importResultsContract,
  resultHistoryContract,
  reviewResultsContract,
  saveResultsContract,
  uploadResultsContract,
} from "./results";
import { sharedReportPdfContract, sharedSummaryContract, sharedSummaryCsvContract } from "./shared";
import {
  createStudyContract,
  getSharedStudyFileContract,
  getStudyContract,
  listSharedStudiesContract,
  listStudiesContract,
} from "./studies";
import { projectSummaryContract, projectSummaryCsvContract } from "./summary";
import { importSurveyContract } from "./survey";
import type { RouteContract } from "./types";
import {
  createWebhookContract,
  deleteWebhookContract,
  listWebhookDeliveriesContract,
  listWebhooksContract,
  rotateWebhookSecretContract,
  updateWebhookContract,
} from "./webhooks";

export const contracts: RouteContract[] = [
  pushSubmissionHeaderContract,
  pushSubmissionPathContract,
  projectSummaryContract,
  projectSummaryCsvContract,
  sharedSummaryContract,
  sharedSummaryCsvContract,
  iatiExportContract,
  trackingCsvContract,
  trackingXlsxContract,
  saveResultsContract,
  reviewResultsContract,
  importResultsContract,
  importSurveyContract,
  uploadResultsContract,
  importProgressContract,
  resultHistoryContract,
  listEvidenceContract,
  uploadEvidenceContract,
  getEvidenceContract,
  updateEvidenceContract,
  getSharedEvidenceContract,
  deleteEvidenceContract,
  projectReportPdfContract,
  sharedReportPdfContract,
  createProjectContract,
  importProjectContract,
  logframeTemplateContract,
  logframeTemplateCsvContract,
  projectLogframeContract,
  projectLogframeCsvContract,
  copyProjectContract,
  updateProjectContract,
  createIndicatorContract,
  updateIndicatorContract,
  saveTargetsContract,
  listMembersContract,
  inviteMemberContract,
  setMemberRoleContract,
  removeMemberContract,
  listProjectsContract,
  getProjectContract,
  listIndicatorsContract,
  listResultsContract,
  listStudiesContract,
  createStudyContract,
  getStudyContract,
  listSharedStudiesContract,
  getSharedStudyFileContract,
  listWebhooksContract,
  createWebhookContract,
  updateWebhookContract,
  rotateWebhookSecretContract,
  listWebhookDeliveriesContract,
  deleteWebhookContract,
];
