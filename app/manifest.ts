import type { MetadataRoute } from 'next';

// Installable as a PWA on a phone: there is no separate app. Chromium asks for a 192 and a 512 px
// raster icon; the maskable one fills the launcher's shape. The service worker: app/sw.ts.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Энергокабинет — Истринские электросети',
    short_name: 'Энергокабинет',
    description: 'Показания, счета и оплата электроэнергии',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: '#155bb3',
    lang: 'ru',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
