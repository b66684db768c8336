import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { interCyrillic, interLatin } from './fonts';
import './globals.css';
import { ServiceWorkerRegistration } from '@/components/service-worker';

// Reads nothing, neither the database nor the request: the public pages under it are rendered once
// and served from the route cache, and `/_not-found` is prerendered by `next build` before any
// database exists. Each section's layout draws the header and footer (components/site-chrome.tsx).
// The service worker's registration is a client component: it reads nothing on the server.

export const metadata: Metadata = {
  title: { default: 'Энергокабинет — Истринские электросети', template: '%s — Энергокабинет' },
  description:
    'Личный кабинет абонента МУП «Объединение Истринские электросети»: показания счётчиков, счета и оплата, тарифы, отключения, новости.',
  applicationName: 'Энергокабинет',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#155bb3',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ru" className={`${interLatin.variable} ${interCyrillic.variable}`}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          Перейти к содержанию
        </a>
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
