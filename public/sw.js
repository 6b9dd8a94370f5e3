// Offline entry (a plain file, not bundled): keeps the app's static files and the entry pages this
// browser opened, so that an entry page reloads without a connection. Registered by the entry grid only.
// - /_next/static/*: their names change with their content, so a kept copy is answered first.
// - An entry page (/projects/<id>/entry): the network first; its kept copy only when the network fails.
// - Nothing else is answered here: API calls, server actions and every other page go to the network as
//   if there were no worker, and their answers are never kept.
// - Signing in or out (next-auth's endpoints) drops every kept page: a page is never shown to another account.
const SHELL = "me-shell-v1";
const PAGES = "me-entry-pages-v1";
const ENTRY_PAGE = /^\/projects\/[^/]+\/entry\/?$/;
const AUTH_CHANGE = /^\/api\/auth\/(signout|callback\/)/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) =>
  event.waitUntil(
    (async () => {
      const kept = await caches.keys();
      await Promise.all(
        kept.filter((name) => name.startsWith("me-") && name !== SHELL && name !== PAGES).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  ),
);

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (AUTH_CHANGE.test(url.pathname)) return event.waitUntil(caches.delete(PAGES));
  if (request.method !== "GET") return;
  if (url.pathname.startsWith("/_next/static/")) return event.respondWith(staticFile(request));
  if (request.mode === "navigate" && ENTRY_PAGE.test(url.pathname)) return event.respondWith(entryPage(request));
});

// The page tells what it loaded before this worker controlled it (its static files, and itself), and
// asks to forget every kept page (signing out).
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "keep" && Array.isArray(data.urls)) event.waitUntil(keep(data.urls));
  if (data && data.type === "forget") event.waitUntil(caches.delete(PAGES));
});

async function staticFile(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok) await cache.put(request, answer.clone());
  return answer;
}

async function entryPage(request) {
  const cache = await caches.open(PAGES);
  try {
    const answer = await fetch(request);
    // Only the page itself as this account sees it: a redirect (signed out, another period) is not kept.
    if (answer.status === 200 && answer.type === "basic" && !answer.redirected)
      await cache.put(request, answer.clone());
    else await cache.delete(request);
    return answer;
  } catch (error) {
    // Offline: this page as last seen, else the same project's entry page of another period or round.
    const kept =
      (await cache.match(request, { ignoreVary: true })) ??
      (await cache.match(request, { ignoreVary: true, ignoreSearch: true }));
    if (kept) return kept;
    throw error;
  }
}

async function keep(urls) {
  const shell = await caches.open(SHELL);
  const pages = await caches.open(PAGES);
  await Promise.all(
    urls.map(async (href) => {
      const url = new URL(href, self.location.origin);
      if (url.origin !== self.location.origin) return;
      try {
        if (url.pathname.startsWith("/_next/static/")) {
          if (!(await shell.match(url, { ignoreVary: true }))) await shell.add(url);
        } else if (ENTRY_PAGE.test(url.pathname)) {
          const answer = await fetch(url, { credentials: "same-origin", redirect: "manual" });
          if (answer.status === 200 && answer.type === "basic") await pages.put(url, answer);
        }
      } catch {
        // Kept on the next visit instead.
      }
    }),
  );
}
