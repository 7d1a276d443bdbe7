// kientao's service worker: a report form opened once keeps working when the phone loses its
// connection. Report pages and the files they need are fetched from the network first and a copy
// kept; with no network, the copy is shown. Nothing is sent from here: the page itself queues what
// is saved or sent offline (IndexedDB, kientao.js) and sends it when the connection is back.
const CACHE = 'kientao-pages-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const page = url.pathname.startsWith('/reports/');
  const asset = url.pathname.startsWith('/static/');
  if (!page && !asset) return;
  e.respondWith(
    fetch(req)
      .then((resp) => {
        if (resp.ok && !resp.redirected) {
          const copy = resp.clone();
          caches.open(CACHE).then((c) => c.put(page ? url.pathname : req, copy));
        }
        return resp;
      })
      .catch(() =>
        caches.match(page ? url.pathname : req).then((hit) => hit || Response.error())));
});
