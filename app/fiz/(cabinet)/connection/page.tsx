import type { Metadata } from 'next';
import { ApplicationsListView } from '@/components/connection/cabinet-views';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Технологическое присоединение' };

export default async function ConnectionApplicationsPage() {
  const user = await requireUser('household', '/fiz/connection');
  return <ApplicationsListView user={user} door="/fiz" />;
}
