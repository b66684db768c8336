import type { Metadata } from 'next';
import { HelpCentre, helpQueryFrom } from '@/components/support/help-centre';

export const metadata: Metadata = { title: 'Поддержка — поиск ответа' };

// `/support?q=…`: the help centre without the query is served from the route cache instead.
export default async function SupportSearchPage({ searchParams }: PageProps<'/support'>) {
  return <HelpCentre query={helpQueryFrom((await searchParams).q)} />;
}
