// The organisation's indicator library (#34): list and read it, roll one indicator up across the caller's
// projects, add one (admins and M&E leads), and link or unlink a project's indicator (its managers).
import { z } from "zod";
import { libraryIndicatorInput } from "@/lib/domain/library/input";
import { measures } from "@/lib/domain/measures";
import { rollupExportQuery } from "./library-exports";
import { indicatorParams } from "./projects";
import { pageQuery } from "./read";
import type { RouteContract } from "./types";

const tag = "Library";
const nextCursor = z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page");

export const libraryParams = z.object({ libraryId: z.string().min(1).max(64) });

export const libraryListQuery = pageQuery.extend({
  archived: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .describe("Also list archived library indicators (default: only live ones)")
    .transform((v) => v === "true" || v === "1"),
});

/** The roll-up's filters, as its files take them (lib/http/contracts/library-exports.ts). */
export const rollupQuery = rollupExportQuery;

export const linkBody = z.object({
  libraryIndicatorId: z.string().min(1).max(64),
  options: z
    .array(
      z.object({
        dimensionKey: z.string().min(1).max(60).describe("A dimension key the library indicator requires, e.g. sex"),
        optionKey: z.string().min(1).max(60).describe("The catalogue's option key, e.g. female"),
        projectOptionId: z.string().min(1).max(64).describe("The id of the indicator's own option that reports it"),
      }),
    )
    .max(200)
    .default([])
    .describe("Every option of every required dimension, each mapped once to an option of the indicator"),
});

const libraryItem = z.object({
  id: z.string(),
  code: z.string(),
  nameEn: z.string(),
  nameEs: z.string(),
  definition: z.string(),
  measure: z.enum(measures),
  unit: z.string(),
  direction: z.enum(["INCREASE", "DECREASE"]),
  dimensionKeys: z.array(z.string()).describe("The shared catalogue's dimensions every linked indicator reports"),
  rollupRule: z.enum(["SUM", "RATIO", "NONE"]),
  archived: z.boolean(),
  projectCount: z.number().int().describe("How many of the projects the caller may open report it"),
});

const amount = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});

const mapping = z.object({ dimensionKey: z.string(), optionKey: z.string(), projectOptionId: z.string() });

export const linkResponse = z.object({
  indicatorId: z.string(),
  libraryIndicatorId: z.string().nullable().describe("null once unlinked"),
  options: z.array(mapping),
});

const problems: RouteContract["problems"] = ["unauthenticated", "notFound", "validation"];

export const listLibraryContract: RouteContract = {
  method: "get",
  path: "/api/v1/library/indicators",
  operationId: "listLibraryIndicators",
  summary: "The organisation's library of standard indicators, by id, a page at a time",
  description: "Every signed-in user reads the library; `projectCount` counts only the projects the caller may open.",
  tag,
  auth: "session",
  query: libraryListQuery,
  response: z.object({ indicators: z.array(libraryItem), nextCursor }),
  problems: ["unauthenticated", "validation"],
};

export const getLibraryIndicatorContract: RouteContract = {
  method: "get",
  path: "/api/v1/library/indicators/{libraryId}",
  operationId: "getLibraryIndicator",
  summary: "One library indicator and the projects that report it, among those the caller may open",
  tag,
  auth: "session",
  params: libraryParams,
  response: libraryItem.extend({
    projects: z.array(
      z.object({
        project: z.object({ id: z.string(), code: z.string(), name: z.string() }),
        indicator: z.object({ id: z.string(), code: z.string(), title: z.string(), unit: z.string() }),
        options: z.array(mapping.extend({ projectOptionName: z.string() })),
        linkedAt: z.string().describe("ISO 8601 date-time"),
      }),
    ),
  }),
  problems,
};

export const libraryRollupContract: RouteContract = {
  method: "get",
  path: "/api/v1/library/indicators/{libraryId}/rollup",
  operationId: "getLibraryRollup",
  summary:
    "A library indicator's target and achieved across the caller's projects, by country, region, donor or in all",
  description:
    "Approved figures only, from the projects the caller may open (a viewer of one project gets that project's part). Counts are summed, rates are summed numerators over summed denominators, other measures are not combined; each figure lists the projects and values it is made of, and says where projects report the same place (possible overlap: the sum and the largest figure).",
  tag,
  auth: "session",
  params: libraryParams,
  query: rollupQuery,
  response: z.object({
    libraryIndicatorId: z.string(),
    rule: z.enum(["SUM", "RATIO", "NONE"]),
    asOf: z.string().describe("YYYY-MM-DD"),
    by: z.enum(["country", "region", "donor", "theme", "total"]),
    year: z.number().int().nullable(),
    years: z.array(z.number().int()).describe("The years there are figures for"),
    figures: z.array(
      z.object({
        key: z
          .string()
          .describe(
            "The group: a country's ISO code, a region's key ('' for no region), a donor, a theme's key ('' for no theme), or 'total'",
          ),
        name: z
          .string()
          .describe(
            "The country's, region's or theme's name (English), the donor, 'No region', 'No theme' or 'All projects'",
          ),
        actual: amount,
        target: amount.nullable(),
        targetBasis: z.enum(["sum", "ratioOfSums", "equalWeights"]).nullable(),
        targetMissing: z
          .array(z.object({ projectId: z.string(), code: z.string() }))
          .describe(
            "The group's projects without a target for the window while others have one: the target is partial (rule 13)",
          ),
        contributions: z.array(
          z.object({
            projectId: z.string(),
            code: z.string(),
            name: z.string(),
            actual: amount,
            target: amount.nullable(),
            placeIds: z.array(z.string()),
            periodCount: z.number().int(),
            straddling: z
              .number()
              .int()
              .describe("Periods counted whole though they reach past the window's end (rule 13)"),
          }),
        ),
        overlap: z
          .object({
            groups: z.array(z.object({ projectIds: z.array(z.string()), placeIds: z.array(z.string()) })),
            sum: z.number().nullable(),
            max: z.number().nullable(),
          })
          .nullable(),
        coverage: z
          .object({
            percent: z.number().nullable().describe("People reached over people in need, in percent"),
            inNeed: z.number().int().nullable().describe("The people in need of the group's countries"),
            missing: z.array(z.string()).describe("The group's countries without a people-in-need figure (by name)"),
            uncertain: z
              .boolean()
              .describe("The group has a possible overlap: the reached figure may count people twice"),
            figures: z.array(
              z.object({
                place: z.string(),
                value: z.number().int(),
                sharePercent: z.number().nullable(),
                periodStart: z.string().describe("YYYY-MM-DD"),
                periodEnd: z.string().describe("YYYY-MM-DD"),
                source: z.string(),
                sourceUrl: z.string().nullable(),
              }),
            ),
          })
          .nullable()
          .describe(
            "Reach against need (rule 14 of docs/numbers.md): null unless the library indicator sums people; each group against the figures of its countries, none when one lacks a figure",
          ),
      }),
    ),
    projects: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  }),
  problems,
};

export const createLibraryIndicatorContract: RouteContract = {
  method: "post",
  path: "/api/v1/library/indicators",
  operationId: "createLibraryIndicator",
  summary: "Add an indicator to the library (instance admins and M&E leads)",
  description:
    "The roll-up rule must fit the measure (counts: SUM or NONE; percentages: RATIO or NONE; others: NONE), default the measure's first; dimension keys must be the shared catalogue's; the code must be free.",
  tag,
  auth: "session",
  body: libraryIndicatorInput,
  response: libraryItem,
  problems: ["unauthenticated", "forbidden", "validation"],
};

export const linkIndicatorContract: RouteContract = {
  method: "put",
  path: "/api/v1/projects/{projectId}/indicators/{indicatorId}/library-link",
  operationId: "linkLibraryIndicator",
  summary: "Link a project's indicator to a library indicator (the project's managers), replacing any link it had",
  description:
    "Checked: the same measure, a compatible unit, and every option of every dimension the library requires mapped explicitly once to an option of the indicator (the options of one dimension to one of the indicator's). Each problem is named in `errors` (e.g. `body.options.sex.female`: optionUnmapped); nothing is written.",
  tag,
  auth: "session",
  params: indicatorParams,
  body: linkBody,
  response: linkResponse,
  problems: ["unauthenticated", "forbidden", "notFound", "validation"],
};

export const unlinkIndicatorContract: RouteContract = {
  method: "delete",
  path: "/api/v1/projects/{projectId}/indicators/{indicatorId}/library-link",
  operationId: "unlinkLibraryIndicator",
  summary: "Remove a project indicator's link to the library (the project's managers)",
  tag,
  auth: "session",
  params: indicatorParams,
  response: linkResponse,
  problems: ["unauthenticated", "forbidden"],
};
