import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { DemoBanner } from '@/components/demo-banner';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { demoMode } from '@/lib/config/env';
import { getUtilityProfile } from '@/lib/content/utility';
import { isPortalSetUp, NOT_CONFIGURED_PATH } from '@/lib/setup/state';

// The header, footer and demo banner around every page. Drawn by each section's layout rather than
// the root one: the root layout must read nothing (the public pages are rendered once and served
// from the route cache, and `next build` runs before any database exists).
export async function SiteChrome({ children }: { children: ReactNode }) {
  // An empty database (a real deployment before `npm run setup`): a clear 503 page, not a 500.
  if (!(await isPortalSetUp())) redirect(NOT_CONFIGURED_PATH);
  const profile = await getUtilityProfile();
  return (
    <>
      {demoMode() ? <DemoBanner /> : null}
      <SiteHeader shortName={profile.shortName} emergencyPhone={profile.emergencyPhone} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
        {children}
      </main>
      <SiteFooter profile={profile} />
    </>
  );
}
