// What the summary routes share: the JSON and CSV forms differ only in how the result is sent.
import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { requestLocale } from "@/lib/i18n/translator";
import type { Principal, SharePrincipal } from "@/lib/permissions";
import type { ShareOptions } from "@/lib/share-links/options";
import { projectSummary, UnknownFilterError } from "@/lib/summary/service";
import { sharedSummary } from "@/lib/summary/shared";
import { ApiProblem } from "./problem";

type ProjectInput = {
  principal: Principal;
  params: { projectId: string };
  query: { asOf?: Date; location?: string; period?: string; includeSubmitted: boolean };
  /** The reader's language (names of the shared catalogue): given, or the request's. */
  locale?: Locale;
  request?: Request;
};

const localeOf = (input: { locale?: Locale; request?: Request }) =>
  input.locale ?? (input.request ? requestLocale(input.request) : undefined);

export async function loadProjectSummary({ principal, params, query, ...input }: ProjectInput) {
  const locationId = query.location ? await resolveLocation(query.location) : null;
  try {
    const summary = await projectSummary(principal, params.projectId, {
      asOf: query.asOf,
      locationId,
      timeId: query.period ?? null,
      includeSubmitted: query.includeSubmitted,
      locale: localeOf(input),
    });
    if (!summary) throw new ApiProblem("notFound", "No such project, or no access to it");
    return summary;
  } catch (error) {
    if (error instanceof UnknownFilterError) {
      const message =
        error.filter === "location"
          ? "Not one of the project's locations"
          : "Not one of the project's periods or rounds";
      throw new ApiProblem("validation", `Unknown ${error.filter}`, [{ field: `query.${error.filter}`, message }]);
    }
    throw error;
  }
}

/** A location given by id or by ISO 3166 code. */
async function resolveLocation(value: string): Promise<string> {
  const found = await db().location.findFirst({ where: { OR: [{ id: value }, { isoCode: value.toUpperCase() }] } });
  return found?.id ?? value;
}

type SharedInput = {
  principal: { principal: SharePrincipal; options: ShareOptions };
  query: { asOf?: Date };
  locale?: Locale;
  request?: Request;
};

export async function loadSharedSummary({ principal, query, ...input }: SharedInput) {
  const summary = await sharedSummary(principal, { asOf: query.asOf, locale: localeOf(input) });
  if (!summary) throw new ApiProblem("notFound");
  return summary;
}
