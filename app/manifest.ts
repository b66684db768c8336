import type { MetadataRoute } from 'next';

// Installable as a PWA on a phone: there is no separate app.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Энергокабинет — Истринские электросети',
    short_name: 'Энергокабинет',
    description: 'Показания, счета и оплата электроэнергии',
    start_url: '/',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: '#155bb3',
    lang: 'ru',
    icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
}
