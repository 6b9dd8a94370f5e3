// The summary as the browser receives it: the API's JSON (dates as ISO strings).
import type { z } from "zod";
import type { summaryResponse } from "@/lib/http/contracts/summary";

export type SummaryJson = z.output<typeof summaryResponse>;
export type IndicatorJson = SummaryJson["indicators"][number];
export type FigureJson = IndicatorJson["overall"];
export type Status = FigureJson["status"];
