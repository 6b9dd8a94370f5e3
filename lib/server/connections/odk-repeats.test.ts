// A navigation link (the first page of a repeat's table, or a next page) pointing at another server is
// refused before anything is asked: the ODK session's Bearer token goes only to its own server.
import { expect, test, vi } from "vitest";
import { withRepeats } from "./odk-repeats";
import { RemoteRefused } from "./remote";

vi.mock("server-only", () => ({}));

const service = "https://central.example.org/v1/projects/1/forms/household.svc";

test("repeat tables are read from the form's own server only", async () => {
  const asked: string[] = [];
  const get = async (url: string) => {
    asked.push(url);
    return url.includes("skiptoken")
      ? { value: [{ __id: "c2", name: "b" }] }
      : {
          value: [{ __id: "c1", name: "a" }],
          "@odata.nextLink": `${service}/Submissions('s1')/children/child?$skiptoken=x`,
        };
  };
  const row = { __id: "s1", "child@odata.navigationLink": "Submissions('s1')/children/child" };
  expect(await withRepeats(row, service, get, 10)).toEqual({
    __id: "s1",
    child: [
      { __id: "c1", name: "a" },
      { __id: "c2", name: "b" },
    ],
  });
  expect(asked).toHaveLength(2);

  asked.length = 0;
  for (const link of ["https://elsewhere.example.org/steal", "//elsewhere.example.org/steal"]) {
    const refused = await withRepeats({ __id: "s1", "child@odata.navigationLink": link }, service, get, 10).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(RemoteRefused);
    expect(refused).toMatchObject({ reason: "badResponse" });
  }
  expect(asked).toEqual([]);

  // A next page on another server is refused too.
  const away = async (url: string) => {
    asked.push(url);
    return { value: [], "@odata.nextLink": "https://elsewhere.example.org/next" };
  };
  await expect(withRepeats(row, service, away, 10)).rejects.toMatchObject({ reason: "badResponse" });
  expect(asked).toHaveLength(1);
});
