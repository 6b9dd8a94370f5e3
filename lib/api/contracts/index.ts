// Every /api/v1 route's contract: the OpenAPI document is generated from this list.
import { projectSummaryContract } from "./summary";
import type { RouteContract } from "./types";

export const contracts: RouteContract[] = [projectSummaryContract];
