// The kept-page route over real HTTP and the real database, with a stand-in for the app's page (its own
// render is Next.js's, covered by e2e/kept-donor-page.pg.spec.ts): what it asks the app for, what it keeps
// and by which key, the nonce of each answer, and what a reader gets when the app cannot reach itself.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/platform/db";
import { internalKey, isInternalKey } from "@/lib/platform/ops/internal-render";
import { createShareLink } from "@/lib/server/share-links/service";
import { principalFor, projectId } from "@/lib/testing/principals";
import { serveKeptDonorPage } from "./kept-donor-page";

let server: Server;
let base: string;
let token: string;
let peru: string;
/** The app's own requests for the page, as the stand-in received them. */
const asked: IncomingMessage[] = [];
let pageAnswers: "page" | "hang up" | "no nonce" = "page";

beforeAll(async () => {
  const manager = await principalFor("manager@example.org");
  peru = await projectId("PE-VEN-2021");
  ({ token } = await createShareLink(manager, peru, { label: "Kept", expiresAt: null, options: {} }));
  server = createServer((req, res) => {
    if (req.url?.startsWith("/api/kept-pages/s/")) {
      void serveKeptDonorPage(req, res, token);
      return;
    }
    // The stand-in for the page: what it was asked for, with the nonce it was given, twice.
    asked.push(req);
    if (pageAnswers === "hang up") {
      req.socket.destroy();
      return;
    }
    const nonce =
      pageAnswers === "no nonce" ? "SomeOtherNonceSomeOther=" : String(req.headers["x-internal-render-nonce"]);
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(
      `<html><script nonce="${nonce}"></script><p>${req.url} ${req.headers.cookie}</p><i nonce="${nonce}"></i></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** A browser's request as the proxy hands it on: marked, with this answer's policy and nonce. */
const open = (query = "", nonce = "Tm9uY2VPZlRoaXNBbnN3ZXI=", headers: Record<string, string> = {}) =>
  fetch(`${base}/api/kept-pages/s/${token}${query}`, {
    headers: {
      "x-kept-page": internalKey("kept page"),
      "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      "accept-encoding": "gzip",
      ...headers,
    },
    redirect: "manual",
  });

describe("the kept donor page", () => {
  test("rendered once by asking the app, then kept; each answer with its own nonce", async () => {
    const first = await open("", "Rmlyc3RBbnN3ZXJOb25jZQ==");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-source")).toBe("rendered");
    expect(first.headers.get("content-encoding")).toBe("gzip");
    expect(first.headers.get("cache-control")).toContain("no-store");
    expect(await first.text()).toBe(
      `<html><script nonce="Rmlyc3RBbnN3ZXJOb25jZQ=="></script><p>/s/${token} NEXT_LOCALE=en</p><i nonce="Rmlyc3RBbnN3ZXJOb25jZQ=="></i></html>`,
    );
    // The app asked itself with the internal key and a nonce of its own, never the reader's.
    expect(asked).toHaveLength(1);
    expect(asked[0]?.headers["x-internal-render"]).toBe(internalKey("render"));
    expect(asked[0]?.headers["x-internal-render-nonce"]).not.toBe("Rmlyc3RBbnN3ZXJOb25jZQ==");

    const second = await open("", "U2Vjb25kQW5zd2VyTm9uY2U=", { "accept-encoding": "identity" });
    expect(second.headers.get("x-page-source")).toBe("kept");
    expect(second.headers.get("content-encoding")).toBeNull();
    expect(await second.text()).toContain('<i nonce="U2Vjb25kQW5zd2VyTm9uY2U="></i>');
    expect(asked).toHaveLength(1);
  });

  test("another day, language or data version is another page", async () => {
    const before = asked.length;
    expect((await open("?asOf=2021-06-30")).headers.get("x-page-source")).toBe("rendered");
    expect(asked.at(-1)?.url).toBe(`/s/${token}?asOf=2021-06-30`);
    const spanish = await open("", undefined, { cookie: "NEXT_LOCALE=es" });
    expect(spanish.headers.get("x-page-source")).toBe("rendered");
    expect(await spanish.text()).toContain("NEXT_LOCALE=es");
    expect((await open("", undefined, { "accept-language": "es-PE" })).headers.get("x-page-source")).toBe("kept");
    expect(asked.length).toBe(before + 2);
    // A new target moves the project's data version (a trigger): the next reader gets a new render.
    const target = await db().target.findFirstOrThrow({ where: { indicator: { projectId: peru } } });
    await db().target.update({ where: { id: target.id }, data: { value: target.value } });
    expect((await open()).headers.get("x-page-source")).toBe("rendered");
    expect((await open()).headers.get("x-page-source")).toBe("kept");
  });

  test("only for requests the proxy sent; its key opens nothing else", async () => {
    const unmarked = await fetch(`${base}/api/kept-pages/s/${token}`);
    expect(unmarked.status).toBe(404);
    const guessed = await open("", undefined, { "x-kept-page": "a-guess" });
    expect(guessed.status).toBe(404);
    const renderKey = await open("", undefined, { "x-kept-page": internalKey("render") });
    expect(renderKey.status).toBe(404);
    expect(isInternalKey(internalKey("kept page"), "render")).toBe(false);
  });

  test("a day that is none is rendered for its request, not kept", async () => {
    const before = asked.length;
    for (let i = 0; i < 2; i++) expect((await open("?asOf=2021-02-30")).headers.get("x-page-source")).toBe("once");
    expect(asked.length).toBe(before + 2);
  });

  test("when the app cannot reach itself, or its page lacks the nonce, the reader is sent to the page rendered as usual", async () => {
    for (const failure of ["hang up", "no nonce"] as const) {
      pageAnswers = failure;
      try {
        // A day not kept yet, and one that is none (rendered for its request alone).
        for (const day of ["2020-01-31", "2021-02-30"]) {
          const answer = await open(`?asOf=${day}`);
          expect(answer.status, failure).toBe(307);
          expect(answer.headers.get("location")).toBe(`/s/${token}?asOf=${day}&render=direct`);
        }
      } finally {
        pageAnswers = "page";
      }
    }
    // Nothing was kept from the failures: the next reader gets a render.
    expect((await open("?asOf=2020-01-31")).headers.get("x-page-source")).toBe("rendered");
  });
});
