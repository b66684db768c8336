import type { Metadata } from 'next';
import { OutagesView, parseKind, parsePlace } from '@/components/public/outages-view';

export const metadata: Metadata = { title: 'Отключения электроэнергии' };

// A filtered search; the unfiltered list is served from the route cache instead.
export default async function OutagesSearchPage({ searchParams }: PageProps<'/outages'>) {
  const params = await searchParams;
  return <OutagesView place={parsePlace(params.place)} kind={parseKind(params.kind)} />;
}
