import type { Metadata } from 'next';
import { OutagesView } from '@/components/public/outages-view';

export const metadata: Metadata = { title: 'Отключения электроэнергии' };

// Outages start and end by the clock: refreshed every minute besides each staff write.
export const revalidate = 60;

// Every outage; a filtered search (`?place=`, `?kind=`) is rendered per request by app/(public)/outages.
export default function CachedOutagesPage() {
  return <OutagesView />;
}
