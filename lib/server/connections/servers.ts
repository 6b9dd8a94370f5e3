// The two kinds of server behind one small interface: the form's name and submission count ("test
// connection"), and a page of submissions after a time, by offset. Each kind's requests follow its
// documented API (see the README's "Connecting KoboToolbox and ODK Central").
import "server-only";
import type { SubmissionRecord } from "@/lib/domain/survey/submissions";
import { withRepeats } from "./odk-repeats";
import { type RemoteOptions, RemoteRefused, requestJson } from "./remote";

export type RemoteSubmission = {
  /** KoboToolbox's _id, ODK Central's __id. */
  externalId: string;
  /** The latest of its submission, edit and review times: what the next sync asks to come after. */
  seenAt: Date | null;
  version: string | null;
  record: SubmissionRecord;
};
export type RemotePage = { submissions: RemoteSubmission[]; more: boolean };
export type FormInfo = { name: string; submissions: number; version: string | null };

export interface SurveyServer {
  formInfo(): Promise<FormInfo>;
  page(since: Date | null, offset: number, limit: number): Promise<RemotePage>;
}

export type KoboTarget = { serverUrl: string; assetUid: string; token: string };
export type OdkTarget = {
  serverUrl: string;
  project: number;
  form: string;
  credentials: { email: string; password: string } | { appUserToken: string };
};

const base = (url: string) => url.replace(/\/+$/, "");
const latest = (...times: (string | number | null | undefined)[]): Date | null => {
  const ms = times
    .map((t) => (typeof t === "number" ? t * 1000 : t ? Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`) : NaN))
    .filter((t) => !Number.isNaN(t));
  return ms.length ? new Date(Math.max(...ms)) : null;
};

type KoboAsset = { name?: string; deployment__submission_count?: number; version_id?: string | null };
type KoboData = { count?: number; next?: string | null; results?: SubmissionRecord[] };

/**
 * KoboToolbox API v2: the asset (`/api/v2/assets/{uid}/`) and its data (`/data/?format=json`, `start` and
 * `limit`, sorted by `_id`, a Mongo `query` for what was submitted, edited or validated after a time).
 * Token auth: `Authorization: Token …`.
 */
export function koboServer(target: KoboTarget, options: RemoteOptions): SurveyServer {
  const headers = { Authorization: `Token ${target.token}`, Accept: "application/json" };
  const asset = `${base(target.serverUrl)}/api/v2/assets/${encodeURIComponent(target.assetUid)}`;
  return {
    async formInfo() {
      const a = await requestJson<KoboAsset>(`${asset}/?format=json`, { headers }, options);
      return {
        name: a.name ?? target.assetUid,
        submissions: a.deployment__submission_count ?? 0,
        version: a.version_id ?? null,
      };
    },
    async page(since, offset, limit) {
      const params = new URLSearchParams({ format: "json", start: String(offset), limit: String(limit) });
      params.set("sort", JSON.stringify({ _id: 1 }));
      if (since) {
        // KoboToolbox keeps _submission_time as UTC text without a zone; validation times as epoch seconds.
        const text = since.toISOString().slice(0, 19);
        params.set(
          "query",
          JSON.stringify({
            $or: [
              { _submission_time: { $gt: text } },
              { _last_edited: { $gt: text } },
              { "_validation_status.timestamp": { $gt: Math.floor(since.getTime() / 1000) } },
            ],
          }),
        );
      }
      const data = await requestJson<KoboData>(`${asset}/data/?${params}`, { headers }, options);
      if (!Array.isArray(data.results)) throw new RemoteRefused("badResponse");
      const submissions = data.results.map((record) => {
        const status = record._validation_status as { timestamp?: number } | undefined;
        return {
          externalId: String(record._id ?? record._uuid ?? ""),
          seenAt: latest(
            record._submission_time as string,
            record._last_edited as string | undefined,
            status?.timestamp,
          ),
          version: typeof record.__version__ === "string" ? record.__version__ : null,
          record,
        };
      });
      return { submissions: submissions.filter((s) => s.externalId), more: !!data.next };
    },
  };
}

type OdkForm = { name?: string | null; xmlFormId?: string; submissions?: number; version?: string | null };
type OdkFeed = { value?: SubmissionRecord[]; "@odata.nextLink"?: string };

/**
 * ODK Central: the form (`/v1/projects/{id}/forms/{form}` with extended metadata) and its OData feed
 * (`.svc/Submissions`, `$top`/`$skip`, repeats read through their navigation tables (./odk-repeats.ts), `$filter` on
 * `__system/submissionDate` and `__system/updatedAt`). A session from e-mail and password
 * (`POST /v1/sessions`, a Bearer token), or an app user's token in the path (`/v1/key/{token}/…`).
 */
export function odkServer(target: OdkTarget, options: RemoteOptions): SurveyServer {
  let session: Promise<string> | null = null;
  const root = base(target.serverUrl);
  const prefix =
    "appUserToken" in target.credentials
      ? `${root}/v1/key/${encodeURIComponent(target.credentials.appUserToken)}`
      : `${root}/v1`;
  const form = `${prefix}/projects/${target.project}/forms/${encodeURIComponent(target.form)}`;
  const headers = async (): Promise<Record<string, string>> => {
    const credentials = target.credentials;
    if ("appUserToken" in credentials) return { Accept: "application/json" };
    session ??= requestJson<{ token?: string }>(
      `${root}/v1/sessions`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: credentials.email, password: credentials.password }),
      },
      options,
    ).then((s) => {
      if (!s.token) throw new RemoteRefused("badResponse");
      return s.token;
    });
    return { Authorization: `Bearer ${await session}`, Accept: "application/json" };
  };
  return {
    async formInfo() {
      const f = await requestJson<OdkForm>(
        form,
        { headers: { ...(await headers()), "X-Extended-Metadata": "true" } },
        options,
      );
      return {
        name: f.name || f.xmlFormId || target.form,
        submissions: f.submissions ?? 0,
        version: f.version ?? null,
      };
    },
    async page(since, offset, limit) {
      const params = new URLSearchParams({ $top: String(limit), $skip: String(offset) });
      params.set("$orderby", "__system/submissionDate asc");
      if (since) {
        const at = since.toISOString();
        params.set("$filter", `__system/submissionDate gt ${at} or __system/updatedAt gt ${at}`);
      }
      const feed = await requestJson<OdkFeed>(
        `${form}.svc/Submissions?${params}`,
        { headers: await headers() },
        options,
      );
      if (!Array.isArray(feed.value)) throw new RemoteRefused("badResponse");
      const read = async (url: string) => requestJson<OdkFeed>(url, { headers: await headers() }, options);
      const records: SubmissionRecord[] = [];
      for (const row of feed.value) records.push(await withRepeats(row, `${form}.svc/`, read, limit));
      const submissions = records.map((record) => {
        const system = (record.__system ?? {}) as Record<string, string | null>;
        return {
          externalId: String(record.__id ?? ""),
          seenAt: latest(system.submissionDate, system.updatedAt),
          version: system.formVersion ?? null,
          // The review state is where the survey rules look for a validation status.
          record: { ...record, ReviewState: system.reviewState ?? "" },
        };
      });
      return { submissions: submissions.filter((s) => s.externalId), more: !!feed["@odata.nextLink"] };
    },
  };
}
