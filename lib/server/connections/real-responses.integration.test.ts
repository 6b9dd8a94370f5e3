// The readers on responses the real servers gave (test/fixtures/odk, test/fixtures/kobo; see the README
// there): ODK Central's repeats through navigation tables, nested, with their parent keys; a foreign
// nextLink refused; KoboToolbox's data endpoint with repeat groups nested in repeat groups.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { type SubmissionRecord, surveyFileOfSubmissions } from "@/lib/domain/survey/submissions";
import { type FakeServer, fakeFromFiles, fakeKobo, fakeOdk } from "@/lib/testing/fake-survey-servers";
import { type RemoteOptions, RemoteRefused } from "./remote";
import { koboServer, odkServer } from "./servers";

const fixture = (file: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../../test/fixtures", file), "utf8"));
const remote: RemoteOptions = {
  fetch: (...args) => fetch(...args),
  sleep: async () => undefined,
  timeoutMs: 5_000,
  retries: 0,
  backoffMs: 1,
  maxWaitMs: 1,
};
const servers: FakeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

// An app user's token in the path, as Central gives it; the links are relative to the form's .svc/.
const svc = "/v1/key/app-user-token/projects/1/forms/doubleRepeat.svc";
const children = `${svc}/Submissions('double')/children/child`;
const toys = (id: string) => `${children}('${id}')/toys/toy`;
const bob = "b6e93a81a53eed0566e65e472d4a4b9ae383ee6d";
const chelsea = "8954b393f82c1833abb19be08a3d6cb382171f54";

async function doubleRepeat(childTable: unknown) {
  const server = await fakeFromFiles({
    [`${svc}/Submissions`]: fixture("odk/doubleRepeat-submission.json"),
    [children]: childTable,
    [toys(bob)]: fixture("odk/doubleRepeat-toys-bob-from-instance.json"),
    [toys(chelsea)]: fixture("odk/doubleRepeat-toys-chelsea-select-name.json"),
  });
  servers.push(server);
  return {
    server,
    odk: odkServer(
      { serverUrl: server.url, project: 1, form: "doubleRepeat", credentials: { appUserToken: "app-user-token" } },
      remote,
    ),
  };
}

test("ODK Central: repeats and a repeat inside them read through their navigation tables", async () => {
  const { server, odk } = await doubleRepeat(fixture("odk/doubleRepeat-children-child.json"));
  const page = await odk.page(null, 0, 100);
  expect(page.more).toBe(false);
  expect(page.submissions).toHaveLength(1);
  const [s] = page.submissions;
  expect(s).toMatchObject({ externalId: "double", version: "1.0" });
  const record = s?.record as {
    children: { child: { name: string; toys: { toy?: { name: string }[] } }[] };
  };
  expect(record.children.child.map((c) => c.name)).toEqual(["Alice", "Bob", "Chelsea"]);
  expect(record.children.child[0]?.toys).toEqual({});
  expect(record.children.child[1]?.toys.toy?.map((t) => t.name)).toEqual([
    "Twilight Sparkle",
    "Pinkie Pie",
    "Applejack",
    "Spike",
  ]);
  expect(record.children.child[2]?.toys.toy).toHaveLength(4);
  // The parent keys say what the nesting says: not kept as answers.
  expect(JSON.stringify(record)).not.toMatch(/__Submissions|navigationLink/);
  // One request for the submissions, one per table, each paged by $top.
  const tables = server.requests.filter((r) => !r.pathname.endsWith(".svc/Submissions"));
  expect(tables.map((r) => decodeURIComponent(r.pathname))).toEqual([children, toys(bob), toys(chelsea)]);
  expect(tables.every((r) => r.searchParams.get("$top") === "100")).toBe(true);

  // As the survey rules read them: a table per repeat, rows pointing at their parents.
  const file = surveyFileOfSubmissions([s?.record as SubmissionRecord]);
  expect(file.tables.map((t) => [t.name, t.rows.length])).toEqual([
    ["submissions", 1],
    ["child", 3],
    ["toy", 8],
  ]);
});

test("ODK Central: a nextLink to another server is not followed with the credentials", async () => {
  // Central's own answer to $top=1&$skip=1, whose nextLink names the server it ran on (localhost:8989).
  const { odk } = await doubleRepeat(fixture("odk/doubleRepeat-children-child-top1-skip1.json"));
  const refused = await odk.page(null, 0, 100).catch((e) => e);
  expect(refused).toBeInstanceOf(RemoteRefused);
  expect(refused).toMatchObject({ reason: "badResponse" });
});

test("KoboToolbox: the data endpoint's submissions with a repeat group inside a repeat group", async () => {
  const data = fixture("kobo/api-v2-data-repeats.json") as { results: Record<string, unknown>[] };
  const server = await fakeKobo({
    assetUid: "ahTnpQwdqrrp4fRKqUxj2p",
    token: "t",
    name: "Repeats",
    submissions: data.results,
  });
  servers.push(server);
  const kobo = koboServer({ serverUrl: server.url, assetUid: "ahTnpQwdqrrp4fRKqUxj2p", token: "t" }, remote);
  const page = await kobo.page(null, 0, 30);
  expect(page.submissions.map((s) => [s.externalId, s.seenAt?.toISOString(), s.version])).toEqual([
    ["17", "2020-04-07T14:07:48.000Z", "v8khdgcT3SYb2HRJhMNtsE"],
    ["20", "2020-04-08T11:12:20.000Z", "v7sPQZCGQoW8JKYL5Kq79m"],
  ]);
  const file = surveyFileOfSubmissions(page.submissions.map((s) => s.record));
  const table = (name: string) => file.tables.find((t) => t.name === name);
  expect(table("group_members")?.rows).toHaveLength(2);
  expect(table("group_people")?.rows).toHaveLength(3);
  expect(table("group_items")?.rows).toHaveLength(4);
  expect(table("group_items")?.headers).toContain("group_people/group_items/Item_name");
});

test("ODK Central: a long repeat table is read page by page through its $skiptoken links; inline repeats are kept", async () => {
  const submission = {
    __id: "uuid:5f0b6f2e-0000-4000-8000-000000000001",
    household: { members: ["a", "b", "c", "d", "e"].map((name) => ({ __id: `m-${name}`, name })) },
    __system: { submissionDate: "2024-01-02T03:04:05.000Z", updatedAt: null, reviewState: "approved" },
  };
  for (const repeats of ["navigation", "inline"] as const) {
    const server = await fakeOdk({
      project: 2,
      form: "hh",
      email: "e@x.org",
      password: "pw",
      submissions: [submission],
      repeats,
    });
    servers.push(server);
    const odk = odkServer(
      { serverUrl: server.url, project: 2, form: "hh", credentials: { email: "e@x.org", password: "pw" } },
      remote,
    );
    const [read] = (await odk.page(null, 0, 2)).submissions;
    const members =
      (read?.record as { household: { members: { name: string }[] } } | undefined)?.household.members ?? [];
    expect(members.map((m) => m.name)).toEqual(["a", "b", "c", "d", "e"]);
    const tables = server.requests.filter((r) => r.pathname.endsWith("/members"));
    if (repeats === "inline") expect(tables).toHaveLength(0);
    else expect(tables.map((r) => Boolean(r.searchParams.get("$skiptoken")))).toEqual([false, true, true]);
  }
});
