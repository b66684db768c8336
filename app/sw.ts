/// <reference lib="webworker" />
// The service worker, bundled by Serwist (app/serwist/[path]/route.ts) and served at /serwist/sw.js.
// It keeps only what is the same for everyone: the build's static files, the icons and the offline
// page. A page, a cabinet (/fiz, /lk, /admin) or an API answer is never stored: navigations go to the
// network, and only when it is unreachable does the offline page stand in. So nothing personal
// stays in the worker's cache on a shared phone, before or after logout.
import { NetworkOnly, type PrecacheEntry, Serwist, type SerwistGlobalConfig, type SerwistPlugin } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const OFFLINE_PAGE = '/offline';

/**
 * A public page comes from the route cache with `s-maxage, stale-while-revalidate`. The browser's
 * own HTTP cache honours stale-while-revalidate for a worker's fetch (not for a plain navigation),
 * so right after staff publish, the worker would be handed the copy from before and the new one
 * only on the next visit. Every page load therefore asks the server (`no-cache`: a conditional
 * request, so an unchanged page still costs only a 304). Serwist drops fetch options on navigation
 * requests, hence a copy of the request, which keeps its manual redirects.
 */
const askTheServer: SerwistPlugin = {
  requestWillFetch: async ({ request }) => new Request(request, { cache: 'no-cache' }),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    // Every page load: from the network, never kept; the offline page when there is none.
    { matcher: ({ request }) => request.mode === 'navigate', handler: new NetworkOnly({ plugins: [askTheServer] }) },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.destination === 'document' }],
  },
});

serwist.addEventListeners();

// Web push (the notification centre's push channel): the payload is the dispatcher's JSON
// { title, body, url }; a tap opens the portal at `url`, in a window already open if there is one.
self.addEventListener('push', (event) => {
  let message: { title?: string; body?: string; url?: string } = {};
  try {
    message = event.data?.json() ?? {};
  } catch {
    message = { body: event.data?.text() };
  }
  event.waitUntil(
    self.registration.showNotification(message.title || 'Энергокабинет', {
      body: message.body,
      icon: '/icon.svg',
      data: { url: message.url || '/cabinet' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(
    String((event.notification.data as { url?: string } | null)?.url ?? '/cabinet'),
    self.location.origin,
  );
  // Only our own pages: the payload is ours, but a link out of the portal is never what a tap means.
  const target = url.origin === self.location.origin ? url.href : self.location.origin;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url.startsWith(self.location.origin));
      return open ? open.navigate(target).then((w) => w?.focus()) : self.clients.openWindow(target);
    }),
  );
});
