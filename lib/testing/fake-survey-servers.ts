// Local HTTP servers that answer like KoboToolbox (API v2) and ODK Central (REST and OData) do, for the
// connections' tests: the shapes are those the projects document (KoboToolbox's `/api/v2/assets/{uid}/`
// and `/data/` with `count`, `next`, `results`; ODK Central's `POST /v1/sessions`, the form with
// `X-Extended-Metadata`, and OData's `value`, `@odata.count`, `@odata.nextLink`, `__id`, `__system`),
// see test/fixtures/README.md. Each server keeps its submissions in a list the test changes, logs the
// requests it was asked, and can be told to answer the next requests with a status (429, 500, 401).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Failure = { status: number; retryAfter?: string };

export type FakeServer = {
  url: string;
  requests: URL[];
  /** Answers the next requests with these statuses, in order, before answering normally again. */
  fail: Failure[];
  /** Fails every request for a page starting at this offset (a server down mid-sync) until cleared. */
  failAtOffset: number | null;
  close: () => Promise<void>;
};

type Json = Record<string, unknown>;

async function listen(
  handle: (
    req: IncomingMessage,
    url: URL,
    body: string,
  ) => { status: number; body?: unknown; headers?: Record<string, string> },
) {
  const state = { requests: [] as URL[], fail: [] as Failure[], failAtOffset: null as number | null };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      state.requests.push(url);
      const failure = state.fail.shift();
      const offset = url.searchParams.get("start") ?? url.searchParams.get("$skip");
      const answer =
        failure ?? (state.failAtOffset !== null && offset === String(state.failAtOffset) ? { status: 503 } : null);
      if (answer) {
        res.writeHead(answer.status, {
          "Content-Type": "application/json",
          ...("retryAfter" in answer && answer.retryAfter ? { "Retry-After": answer.retryAfter } : {}),
        });
        res.end(JSON.stringify({ detail: "refused by the test" }));
        return;
      }
      const out = handle(req, url, body);
      res.writeHead(out.status, { "Content-Type": "application/json", ...out.headers });
      res.end(JSON.stringify(out.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeServer = {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get fail() {
      return state.fail;
    },
    set fail(v) {
      state.fail = v;
    },
    get failAtOffset() {
      return state.failAtOffset;
    },
    set failAtOffset(v) {
      state.failAtOffset = v;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}

/** Whether a Kobo submission matches the `query` the client sent ($or of $gt on the times it asks). */
function koboMatches(record: Json, query: Json | null): boolean {
  if (!query) return true;
  const clauses = (query.$or as Json[] | undefined) ?? [query];
  return clauses.some((clause) =>
    Object.entries(clause).every(([field, test]) => {
      const bound = (test as { $gt: unknown }).$gt;
      const value =
        field === "_validation_status.timestamp"
          ? (record._validation_status as Json | undefined)?.timestamp
          : record[field];
      if (value === undefined || value === null) return false;
      return typeof bound === "number" ? Number(value) > bound : String(value) > String(bound);
    }),
  );
}

/** KoboToolbox: one asset, its data sorted by `_id`, paginated by `start`/`limit` with `next` links. */
export async function fakeKobo(options: { assetUid: string; token: string; name: string; submissions: Json[] }) {
  const fake = await listen((req, url) => {
    if (req.headers.authorization !== `Token ${options.token}`)
      return { status: 401, body: { detail: "Invalid token." } };
    const asset = `/api/v2/assets/${options.assetUid}/`;
    if (url.pathname === asset)
      return {
        status: 200,
        body: {
          uid: options.assetUid,
          name: options.name,
          asset_type: "survey",
          deployment__submission_count: options.submissions.length,
          version_id: "vSv6mHdpf7x5FjR3nYCq8o",
        },
      };
    if (url.pathname === `${asset}data/`) {
      const start = Number(url.searchParams.get("start") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const query = url.searchParams.get("query");
      const matching = options.submissions
        .filter((s) => koboMatches(s, query ? (JSON.parse(query) as Json) : null))
        .sort((a, b) => Number(a._id) - Number(b._id));
      const results = matching.slice(start, start + limit);
      const next = new URL(url);
      next.searchParams.set("start", String(start + limit));
      return {
        status: 200,
        body: {
          count: matching.length,
          next: start + limit < matching.length ? `http://${req.headers.host}${next.pathname}${next.search}` : null,
          previous: null,
          results,
        },
      };
    }
    return { status: 404, body: { detail: "Not found." } };
  });
  return fake;
}

const isJson = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isRepeat = (v: unknown): v is Json[] => Array.isArray(v) && v.length > 0 && v.every(isJson);

/**
 * A row as ODK Central's OData answers it without `$expand`: each repeat group (a list of objects,
 * anywhere in the groups) replaced by `name@odata.navigationLink`, the path of its table from the
 * form's `.svc/` (`Submissions('uuid%3A…')/group/repeat`); rows of a table carry their parent's id.
 */
function linkedRow(row: Json, path: string, parent?: { key: string; id: string }): Json {
  const walk = (node: Json, groups: string[]): Json => {
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (isRepeat(value)) out[`${key}@odata.navigationLink`] = [path, ...groups, key].join("/");
      else if (Array.isArray(value))
        continue; // an empty repeat: Central leaves its group without a link
      else out[key] = isJson(value) && key !== "__system" ? walk(value, [...groups, key]) : value;
    }
    return out;
  };
  const out = walk(row, []);
  return parent ? { __id: row.__id, [parent.key]: parent.id, ...out } : out;
}

const keyed = (name: string, id: unknown) => `${name}('${encodeURIComponent(String(id))}')`;

/**
 * A navigation table's rows (`Submissions('id')/children/child('cid')/toys/toy`), each linked for the
 * repeats inside it, or null when the path leads nowhere.
 */
function navigationTable(submissions: Json[], tablePath: string): Json[] | null {
  const [first, ...segments] = tablePath.split("/");
  const root = /^Submissions\('(.*)'\)$/.exec(first ?? "");
  let node: unknown = root && submissions.find((s) => s.__id === decodeURIComponent(root[1] ?? ""));
  let parent = { key: "__Submissions-id", id: decodeURIComponent(root?.[1] ?? "") };
  const names: string[] = [];
  for (const segment of segments) {
    const pick = /^(.+)\('(.*)'\)$/.exec(segment);
    const name = pick ? (pick[1] ?? "") : segment;
    names.push(name);
    node = isJson(node) ? node[name] : undefined;
    if (pick) {
      const id = decodeURIComponent(pick[2] ?? "");
      node = Array.isArray(node) ? node.find((r) => isJson(r) && r.__id === id) : undefined;
      parent = { key: `__${["Submissions", ...names].join("-")}-id`, id };
    }
  }
  if (!isRepeat(node)) return null;
  return node.map((row) => linkedRow(row, `${tablePath}${keyed("", row.__id)}`, parent));
}

/**
 * ODK Central: a session from e-mail and password, one form, its OData feed with `$top`/`$skip`, repeat
 * groups as navigation tables paged by `$top` with a `$skiptoken` cursor in `@odata.nextLink` (as
 * Central v2023.4+ answers), or inline (`repeats: "inline"`, as `$expand=*` gives them).
 */
export async function fakeOdk(options: {
  project: number;
  form: string;
  email: string;
  password: string;
  submissions: Json[];
  repeats?: "navigation" | "inline";
}) {
  const navigation = (options.repeats ?? "navigation") === "navigation";
  const token = "lSpAIeksRu1CNZs7!qjAot2T17dPzkrw9B4iTtpj7OoIJBmXvnHM8z8Ka4QPEjR7";
  const fake = await listen((req, url, body) => {
    if (url.pathname === "/v1/sessions" && req.method === "POST") {
      const sent = JSON.parse(body || "{}") as Json;
      if (sent.email !== options.email || sent.password !== options.password)
        return { status: 401, body: { code: 401.2, message: "Could not authenticate with the provided credentials." } };
      return {
        status: 200,
        body: { createdAt: "2018-04-18T03:04:51.695Z", expiresAt: "2018-04-19T03:04:51.695Z", token },
      };
    }
    if (req.headers.authorization !== `Bearer ${token}`)
      return { status: 401, body: { code: 401.2, message: "Could not authenticate with the provided credentials." } };
    const form = `/v1/projects/${options.project}/forms/${options.form}`;
    if (url.pathname === form)
      return {
        status: 200,
        body: {
          projectId: options.project,
          xmlFormId: options.form,
          name: "Household survey",
          version: "2021050401",
          state: "open",
          submissions: options.submissions.length,
        },
      };
    if (url.pathname === `${form}.svc/Submissions`) {
      const top = Number(url.searchParams.get("$top") ?? 250);
      const skip = Number(url.searchParams.get("$skip") ?? 0);
      const filter = url.searchParams.get("$filter");
      const since = filter ? /gt (\S+)/.exec(filter)?.[1] : undefined;
      const matching = options.submissions.filter((s) => {
        if (!since) return true;
        const system = s.__system as Json;
        return String(system.submissionDate) > since || (system.updatedAt !== null && String(system.updatedAt) > since);
      });
      const value = matching
        .slice(skip, skip + top)
        .map((s) => (navigation ? linkedRow(s, keyed("Submissions", s.__id)) : s));
      const next = new URL(url);
      next.searchParams.set("$skip", String(skip + top));
      return {
        status: 200,
        body: {
          "@odata.context": `http://${req.headers.host}${form}.svc/$metadata#Submissions`,
          ...(skip + top < matching.length
            ? { "@odata.nextLink": `http://${req.headers.host}${next.pathname}${next.search}` }
            : {}),
          "@odata.count": matching.length,
          value,
        },
      };
    }
    const svc = `${form}.svc/`;
    if (navigation && url.pathname.startsWith(svc)) {
      const tablePath = url.pathname.slice(svc.length);
      const rows = navigationTable(options.submissions, tablePath);
      if (rows) {
        const top = Number(url.searchParams.get("$top") ?? rows.length);
        const token = url.searchParams.get("$skiptoken");
        const skip = token
          ? (JSON.parse(Buffer.from(token.slice(2), "base64").toString()) as { skip: number }).skip
          : 0;
        const next = new URL(url);
        next.searchParams.delete("$skip");
        next.searchParams.set(
          "$skiptoken",
          `01${Buffer.from(JSON.stringify({ skip: skip + top })).toString("base64")}`,
        );
        const context = tablePath.replace(/\('[^']*'\)/g, "").replaceAll("/", ".");
        return {
          status: 200,
          body: {
            "@odata.context": `http://${req.headers.host}${svc}$metadata#${context}`,
            ...(skip + top < rows.length
              ? { "@odata.nextLink": `http://${req.headers.host}${next.pathname}${next.search}` }
              : {}),
            value: rows.slice(skip, skip + top),
          },
        };
      }
    }
    return { status: 404, body: { code: 404.1, message: "Could not find the resource you were looking for." } };
  });
  return fake;
}

/**
 * A server that answers recorded responses (test/fixtures/odk, …) by path, whatever the query; any other
 * path is a 404. The requests it was asked are logged like the fakes'.
 */
export async function fakeFromFiles(responses: Record<string, unknown>) {
  return listen((_req, url) =>
    url.pathname in responses
      ? { status: 200, body: responses[url.pathname] }
      : { status: 404, body: { code: 404.1, message: "Could not find the resource you were looking for." } },
  );
}
