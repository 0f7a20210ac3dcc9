// Arogya's service worker: keeps the app shell (index.html, every script and stylesheet
// of the build, the language catalogues among them, the manifest and icons) so the
// installed app opens without a network. It never touches the API (/graphql, cards,
// documents, FHIR): nothing about a patient is kept here.
const CACHE = "arogya-shell-v1";
const SHELL = ["/", "/manifest.webmanifest", "/icon-192.png", "/icon-512.png"];

/** Every file of the build, from Vite's manifest (hashed names change each release). */
async function buildFiles() {
  try {
    const res = await fetch("/asset-manifest.json", { cache: "no-store" });
    if (!res.ok) return [];
    const chunks = Object.values(await res.json());
    const files = new Set();
    for (const c of chunks) {
      if (c.file && /\.(js|css)$/.test(c.file)) files.add(`/${c.file}`);
      for (const css of c.css ?? []) files.add(`/${css}`);
    }
    return [...files];
  } catch {
    return [];
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([...SHELL, ...(await buildFiles())]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    // The newest page when online (and kept for later); the kept one offline.
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            void caches.open(CACHE).then((c) => c.put("/", copy));
          }
          return res;
        })
        .catch(async () => (await caches.match("/")) ?? Response.error()),
    );
    return;
  }
  const shell = url.pathname.startsWith("/assets/") || SHELL.includes(url.pathname);
  if (!shell) return;
  // Hashed files never change: the kept copy if there is one, else fetched and kept.
  event.respondWith(
    caches.match(req).then(
      (hit) =>
        hit ??
        fetch(req).then((res) => {
          if (res.ok) {
            const copy = res.clone();
            void caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        }),
    ),
  );
});
