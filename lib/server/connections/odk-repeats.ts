// ODK Central's OData gives a submission's repeat groups as navigation tables: the row holds
// `child@odata.navigationLink: "Submissions('uuid:…')/children/child"` (relative to the form's `.svc/`)
// where the repetitions would be, and the table answers them as rows keyed by `__id` with their parent's
// id (`__Submissions-id`, `__Submissions-children-child-id`), paged by `@odata.nextLink` (a `$skiptoken`
// cursor since Central v2023.4, followed as given). Each link is read here and put in place as the list
// the survey rules read, the same shape `$expand=*` gives inline; repetitions already inline are kept.
// See getodk/central-backend test/integration/api/odata.js and test/fixtures/odk/.
import "server-only";
import { RemoteRefused } from "./remote";

type Row = Record<string, unknown>;
type Feed = { value?: Row[]; "@odata.nextLink"?: string };

const LINK = "@odata.navigationLink";
/** The parent keys of a navigation table's rows: they say where a row hangs, which the nesting says here. */
const PARENT_KEY = /^__Submissions(-.+)?-id$/;
/** A table longer than this many pages is not a repeat group a form has: the server is looping. */
const MAX_PAGES = 1000;

const isRow = (v: unknown): v is Row => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The record with every repeat it links to read in, depth first (a repeat inside a repeat has its own
 * links). `get` asks the server for one page; `pageSize` is the `$top` asked of each table.
 */
export async function withRepeats(
  record: Row,
  service: string,
  get: (url: string) => Promise<Feed>,
  pageSize: number,
): Promise<Row> {
  const root = new URL(service.endsWith("/") ? service : `${service}/`);

  async function table(link: string): Promise<Row[]> {
    let url: URL | null = new URL(link, root);
    url.searchParams.set("$top", String(pageSize));
    const rows: Row[] = [];
    for (let pages = 0; url; pages++) {
      if (pages >= MAX_PAGES) throw new RemoteRefused("badResponse");
      // The credentials go only to the server they are for, whatever a link (the first or a next) says.
      if (url.origin !== root.origin) throw new RemoteRefused("badResponse");
      const feed = await get(url.toString());
      if (!Array.isArray(feed.value)) throw new RemoteRefused("badResponse");
      rows.push(...feed.value);
      const next: string | undefined = feed["@odata.nextLink"];
      url = next ? new URL(next, root) : null;
    }
    return rows;
  }

  async function resolve(node: Row): Promise<Row> {
    const out: Row = {};
    for (const [key, value] of Object.entries(node)) {
      if (PARENT_KEY.test(key)) continue;
      if (key.endsWith(LINK)) {
        const name = key.slice(0, -LINK.length);
        if (typeof value !== "string" || Array.isArray(node[name])) continue;
        out[name] = await each(await table(value));
      } else if (Array.isArray(value)) out[key] = await each(value);
      else out[key] = isRow(value) ? await resolve(value) : value;
    }
    return out;
  }

  // One request at a time: a polite client, and a page's order kept.
  async function each(values: unknown[]): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const v of values) out.push(isRow(v) ? await resolve(v) : v);
    return out;
  }

  return resolve(record);
}
