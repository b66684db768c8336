import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/site-chrome';

// Rendered per request: this section reads the session or the request.
export const dynamic = 'force-dynamic';

export default function SectionLayout({ children }: { children: ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
