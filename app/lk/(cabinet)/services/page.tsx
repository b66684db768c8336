import type { Metadata } from 'next';
import { RequestsListView } from '@/components/services/cabinet-views';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Платные услуги' };

export default async function ServiceRequestsPage() {
  const user = await requireUser('company', '/lk/services');
  return <RequestsListView user={user} door="/lk" />;
}
