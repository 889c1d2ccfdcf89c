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
 * (runtime.js) posts STORE_MESSAGE, and the worker stores FILES, which the
 * browser's HTTP cache holds from that start.
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
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = request.url.split(/[?#]/)[0];
  if (request.method !== "GET" || !KEPT.some((kept) => url.startsWith(kept))) return;
  event.respondWith(cached(event, url));
});

async function cached(event, url) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.status === 200 && response.type === "basic") {
    event.waitUntil(cache.put(url, response.clone()));
  }
  return response;
}

self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== STORE_MESSAGE) return;
  event.waitUntil(storeAll());
});

async function storeAll() {
  const cache = await caches.open(CACHE);
  for (const name of FILES) {
    const url = new URL(name, self.registration.scope).href;
    if (!KEPT.some((kept) => url.startsWith(kept)) || (await cache.match(url))) continue;
    const response = await fetch(url); // from the HTTP cache: the page has just downloaded it
    if (response.status === 200 && response.type === "basic") await cache.put(url, response);
  }
}
