// Every /api/v1 route's contract: the OpenAPI document is generated from this list.

import { iatiExportContract, trackingCsvContract, trackingXlsxContract } from "./exports";
import { reviewResultsContract, saveResultsContract } from "./results";
import { sharedSummaryContract, sharedSummaryCsvContract } from "./shared";
import { projectSummaryContract, projectSummaryCsvContract } from "./summary";
import type { RouteContract } from "./types";

export const contracts: RouteContract[] = [
  projectSummaryContract,
  projectSummaryCsvContract,
  sharedSummaryContract,
  sharedSummaryCsvContract,
  iatiExportContract,
  trackingCsvContract,
  trackingXlsxContract,
  saveResultsContract,
  reviewResultsContract,
];
