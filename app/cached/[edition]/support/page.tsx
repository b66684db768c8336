import type { Metadata } from 'next';
import { HelpCentre } from '@/components/support/help-centre';

export const metadata: Metadata = { title: 'Поддержка' };

// Every answer by section; `/support?q=…` is rendered per request by app/(public)/support.
export default function CachedSupportPage() {
  return <HelpCentre query="" />;
}
