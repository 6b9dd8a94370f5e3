// What a donor link shows, and the one function that applies it to the engine's summary, so the
// donor page, its CSV and the shared API cannot show more than the link allows.
import { z } from "zod";
import type { FigureSummary } from "@/lib/domain/engine/summarize";
import type { ProjectSummary } from "@/lib/domain/summary/types";

/**
 * A site allowed to show the donor page in a frame: an https origin (http only for this machine, to try
 * it out), kept as the origin alone.
 */
const embedOrigin = z
  .string()
  .trim()
  .transform((value, context) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    const local = url?.hostname === "localhost" || url?.hostname === "127.0.0.1";
    if (!url || !(url.protocol === "https:" || (url.protocol === "http:" && local)) || url.pathname.length > 1) {
      context.addIssue({ code: "custom", message: "invalidEmbedOrigin" });
      return z.NEVER;
    }
    return url.origin;
  });

export const shareOptionsSchema = z.object({
  showRegions: z.boolean().default(true),
  showDisaggregations: z.boolean().default(true),
  showConfidenceIntervals: z.boolean().default(true),
  showComments: z.boolean().default(false),
  /** Sites that may embed the donor page; none may unless listed. */
  embedOrigins: z.array(embedOrigin).max(10, "tooManyEmbedOrigins").default([]),
});

export type ShareOptions = z.output<typeof shareOptionsSchema>;

export function parseShareOptions(stored: unknown): ShareOptions {
  return shareOptionsSchema.parse(stored ?? {});
}

/** The summary as the link may show it: approved figures only, and only the parts it allows. */
export function restrictForShare(summary: ProjectSummary, options: ShareOptions): ProjectSummary {
  if (summary.includesSubmitted) throw new Error("A shared summary must hold approved figures only");
  const withoutCi = <T extends FigureSummary>(figure: T): T => ({
    ...figure,
    confidenceInterval: options.showConfidenceIntervals ? figure.confidenceInterval : null,
    explanation: { ...figure.explanation, locationIds: options.showRegions ? figure.explanation.locationIds : [] },
  });
  return {
    ...summary,
    locations: options.showRegions ? summary.locations : [],
    indicators: summary.indicators.map((i) => ({
      ...i,
      overall: withoutCi(i.overall),
      byLocation: options.showRegions
        ? i.byLocation.map((l) => ({ ...withoutCi(l), unassigned: l.unassigned && withoutCi(l.unassigned) }))
        : [],
      byTime: i.byTime.map(withoutCi),
      byDimension: options.showDisaggregations
        ? i.byDimension.map((d) => ({
            ...d,
            options: d.options.map((o) => ({ ...withoutCi(o), byLocation: options.showRegions ? o.byLocation : [] })),
            notReportedByLocation: options.showRegions ? d.notReportedByLocation : [],
          }))
        : [],
      // Texts stay; without regions, not where they were written.
      narratives: i.narratives.map((n) => ({ ...n, locationId: options.showRegions ? n.locationId : "" })),
      // Warnings are about a manager's target set-up and name places and sums a link may hide.
      warnings: [],
    })),
  };
}
