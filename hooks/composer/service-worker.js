/*
 * komunikat: the composer's offline copy of its runtime (written to the site's
 * root as composer-sw.js by hooks/composer.py, which fills in VERSION and FILES).
 *
 * Pyodide and the renderer's code (assets/composer/pyodide/**, python.zip,
 * about 14 MB) are kept in a Cache Storage cache named after VERSION, a hash
 * of exactly those files: a reload or a later visit takes them from the
 * cache, and a new build with other files has another VERSION, so the browser
 * installs this worker again and the old cache is deleted. catalog.json is
 * not touched: it is fetched from the server every time (cache: "no-cache"),
 * so the forms are those of the latest build. Everything else of the site
 * goes to the network as if this worker did not exist.
 *
 * A first visit does not wait for this worker (the page is not controlled
 * yet, so its downloads pass it by): once the runtime has started, the page
 * (runtime.js) posts STORE_MESSAGE, and the worker stores FILES (the server
 * answers "304 Not Modified": the browser's HTTP cache holds them from that
 * start). A worker that replaces an older build's stores them when it
 * activates.
 */
"use strict";

const VERSION = "@VERSION@";
/** The files kept, relative to the site's root (hooks/composer.py writes the list). */
const FILES = JSON.parse("@FILES@");
const STORE_MESSAGE = "komunikat-store-runtime";
const PREFIX = "komunikat-composer-";
const CACHE = PREFIX + VERSION;
const ASSETS = new URL("assets/composer/", self.registration.scope).href;
const KEPT = [ASSETS + "python.zip", ASSETS + "pyodide/"];

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const stale = names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      await Promise.all(stale.map((name) => caches.delete(name)));
      await self.clients.claim();
      // a new build replacing an older one: its files are stored now, even if the page
      // that found it did not wait for it (runtime.js waits WORKER_WAIT_MS at most)
      if (stale.length) await storeAll();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = request.url.split(/[?#]/)[0];
  if (request.method !== "GET" || !KEPT.some((kept) => url.startsWith(kept))) return;
  event.respondWith(cached(event, url));
});

/*
 * A worker that a new build's worker has replaced still serves the pages it
 * controls until they go, but stores nothing: its cache was deleted, and
 * caches.open() would create it again, for good.
 */
function replaced() {
  return Boolean(self.serviceWorker) && self.registration.active !== self.serviceWorker;
}

async function cached(event, url) {
  if (replaced() && !(await caches.has(CACHE))) return fetch(event.request);
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.status === 200 && response.type === "basic" && !replaced()) {
    event.waitUntil(cache.put(url, response.clone()));
  }
  return response;
}

self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== STORE_MESSAGE) return;
  event.waitUntil(storeAll());
});

async function storeAll() {
  if (replaced()) return;
  const cache = await caches.open(CACHE);
  for (const name of FILES) {
    const url = new URL(name, self.registration.scope).href;
    if (!KEPT.some((kept) => url.startsWith(kept)) || (await cache.match(url))) continue;
    // asked of the server (a new build's file must not come from an older HTTP cache entry):
    // after a page's download, a "304 Not Modified" with no body
    const response = await fetch(url, { cache: "no-cache" });
    if (response.status === 200 && response.type === "basic") await cache.put(url, response);
  }
}
