// EchoTune's service worker: keeps the app shell so the installed app opens (and says it is offline) without a
// network. Pages are network-first so a deploy shows at once; static files are served from the cache and
// refreshed in the background. The API and the WebSocket are never cached: a chat must be live.

const SHELL = 'echotune-shell-v1'; // bump on a release to drop the old shell
const SHELL_FILES = [
  '/', '/manifest.webmanifest',
  '/css/chat.css', '/css/app.css',
  '/js/app.js', '/js/api.js', '/js/chat-client.js', '/js/chat-view.js', '/js/cards.js',
  '/icons/icon.svg', '/icons/icon-192.png',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws/') || url.pathname.startsWith('/actuator/')) return;

  if (request.mode === 'navigate') {
    event.respondWith(fetch(request)
      .then((response) => {
        const copy = response.clone();
        if (response.ok) caches.open(SHELL).then((cache) => cache.put('/', copy));
        return response;
      })
      .catch(() => caches.match('/', { ignoreVary: true })));
    return;
  }
  event.respondWith(caches.open(SHELL).then(async (cache) => {
    // ignoreVary: CORS responses vary on Origin, and module scripts are requested with one while install was not
    const cached = await cache.match(request, { ignoreVary: true });
    const fresh = fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    });
    if (cached) {
      fresh.catch(() => {});
      return cached;
    }
    return fresh;
  }));
});
