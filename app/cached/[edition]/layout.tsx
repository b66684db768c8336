import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/site-chrome';
import { PUBLIC_EDITION } from '@/lib/content/public-routes';

// The public pages, rendered on their first request and then served from the route cache; staff
// writes invalidate what they change (lib/content/revalidate.ts), and every page is refreshed at
// least hourly because the tariff in force and the current outages depend on today's date.

export const revalidate = 3600;

/** None at build: there is no database then. Each page is rendered when first asked for. */
export function generateStaticParams(): { edition: string }[] {
  return [];
}

export default async function CachedPublicLayout({ children, params }: LayoutProps<'/cached/[edition]'>) {
  if ((await params).edition !== PUBLIC_EDITION) notFound();
  return <SiteChrome>{children as ReactNode}</SiteChrome>;
}
