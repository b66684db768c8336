import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '@fontsource/inter/cyrillic-400.css';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/cyrillic-600.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/cyrillic-700.css';
import '@fontsource/inter/latin-700.css';
import './globals.css';
import { DemoBanner } from '@/components/demo-banner';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { demoMode } from '@/lib/config/env';
import { redirect } from 'next/navigation';
import { getUtilityProfile } from '@/lib/content/utility';
import { isPortalSetUp, NOT_CONFIGURED_PATH } from '@/lib/setup/state';

// Every page reads the database at request time; nothing is prerendered at build.
export const dynamic = 'force-dynamic';

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

export default async function RootLayout({ children }: { children: ReactNode }) {
  // An empty database (a real deployment before `npm run setup`): a clear 503 page, not a 500.
  if (!(await isPortalSetUp())) redirect(NOT_CONFIGURED_PATH);
  const profile = await getUtilityProfile();
  return (
    <html lang="ru">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          Перейти к содержанию
        </a>
        {demoMode() ? <DemoBanner /> : null}
        <SiteHeader shortName={profile.shortName} emergencyPhone={profile.emergencyPhone} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
          {children}
        </main>
        <SiteFooter profile={profile} />
      </body>
    </html>
  );
}
