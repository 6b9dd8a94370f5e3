import { describe, expect, it } from "vitest";
import { cutOut, keptPage, type RenderedPage, withNonce } from "./kept-pages";

const page = (nonce: string, status = 200): RenderedPage => ({
  status,
  contentType: "text/html; charset=utf-8",
  body: new TextEncoder().encode(`<script nonce="${nonce}">a</script><p>é</p><script nonce="${nonce}"></script>`),
  nonce,
});

describe("kept pages", () => {
  it("every response carries its own nonce where the rendered one was", () => {
    const parts = cutOut(page("AAAAAAAAAAAAAAAAAAAAAA==").body, "AAAAAAAAAAAAAAAAAAAAAA==");
    expect(parts).toHaveLength(3);
    const kept = { status: 200, contentType: "text/html", parts, keptAt: 0 };
    expect(withNonce(kept, "BBBBBBBBBBBBBBBBBBBBBB==").toString()).toBe(
      '<script nonce="BBBBBBBBBBBBBBBBBBBBBB==">a</script><p>é</p><script nonce="BBBBBBBBBBBBBBBBBBBBBB=="></script>',
    );
  });

  it("renders once for concurrent requests, then answers from what it kept until it is too old", async () => {
    let renders = 0;
    let clock = 1_000;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 10));
      return page(`nonce${renders}nonce${renders}nonce`);
    };
    const first = await Promise.all([1, 2, 3].map(() => keptPage("a", render, 30_000, () => clock)));
    expect(renders).toBe(1);
    expect(first.map((f) => f.from)).toEqual(["rendered", "rendered", "rendered"]);
    clock += 29_999;
    expect((await keptPage("a", render, 30_000, () => clock)).from).toBe("kept");
    expect(renders).toBe(1);
    clock += 1;
    const again = await keptPage("a", render, 30_000, () => clock);
    expect(again.from).toBe("rendered");
    expect(renders).toBe(2);
    // Another key is another page.
    await keptPage("b", render, 30_000, () => clock);
    expect(renders).toBe(3);
  });

  it("keeps no page that did not answer 200", async () => {
    let renders = 0;
    const render = async () => {
      renders++;
      return page("CCCCCCCCCCCCCCCCCCCCCC==", 500);
    };
    const answered = await keptPage("failing", render, 30_000);
    expect(answered.page.status).toBe(500);
    await keptPage("failing", render, 30_000);
    expect(renders).toBe(2);
  });

  it("a failed render fails its waiters and is tried again by the next request", async () => {
    let renders = 0;
    const render = async () => {
      renders++;
      if (renders === 1) throw new Error("server gone");
      return page("DDDDDDDDDDDDDDDDDDDDDD==");
    };
    await expect(keptPage("flaky", render, 30_000)).rejects.toThrow("server gone");
    expect((await keptPage("flaky", render, 30_000)).page.status).toBe(200);
  });
});
