// Loupe's service worker: offline-first, one cache per build.
//
// This file is a template. The Trunk post_build hook (scripts/postbuild.py) replaces the two
// placeholders below with this build's version (a hash of every file) and the exact list of the
// build's files (hashed names included), so a new build means a new worker and a new cache.
//
// Life cycle: the first install activates at once and takes control of the open pages
// (clients.claim), so the app works offline after the first visit. An update installs in the
// background and then *waits*: the page (pwa.js) shows « Une nouvelle version est prête —
// Recharger », and only when the user accepts does it send SKIP_WAITING; the page then reloads.
const VERSION = "__LOUPE_VERSION__";
const PRECACHE = __LOUPE_PRECACHE__;
const PREFIX = "loupe-";
const CACHE = PREFIX + VERSION;

// Files whose name carries Trunk's content hash never change: the copy the page has just loaded
// (HTTP cache) is the right one, so the first visit does not download them twice. Unhashed files
// (index.html, worker.js, icons…) are fetched fresh.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((u) => new Request(u, { cache: HASHED.test(u) ? "default" : "reload" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "SKIP_WAITING") self.skipWaiting();
  else if (type === "VERSION") event.source?.postMessage({ type: "VERSION", version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Every asset name is content-hashed, and the page's query (?embed=1&…) only configures the
  // app: the cached copy is the right one whatever the query.
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request))
  );
});
