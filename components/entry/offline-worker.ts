// Registers the entry worker (public/sw.js) from the entry page only, so no other page's script grows.
// What this first visit loaded before the worker controlled it (the page and its static files) is handed
// to the worker to keep; later visits go through the worker, which keeps them itself.
export const OFFLINE_WORKER = "/sw.js";

export function registerOfflineWorker() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker
    .register(OFFLINE_WORKER)
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      if (controlled) return;
      const files = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => new URL(name).pathname.startsWith("/_next/static/"));
      registration.active?.postMessage({ type: "keep", urls: [window.location.href, ...files] });
    })
    .catch(() => {
      // No worker (a private window, a browser setting): entry works online as before.
    });
}
