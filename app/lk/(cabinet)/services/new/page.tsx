import type { Metadata } from 'next';
import { NewOrderView } from '@/components/services/cabinet-views';
import { requireUser } from '@/lib/auth/session';
import { orderService } from '../actions';

export const metadata: Metadata = { title: 'Заявка на платную услугу' };

export default async function NewServiceRequestPage({ searchParams }: PageProps<'/lk/services/new'>) {
  const { service } = await searchParams;
  const code = typeof service === 'string' && /^[A-Za-z0-9-]{1,40}$/.test(service) ? service : undefined;
  // A guest goes to the login page and comes back to this very order.
  const user = await requireUser('company', code ? `/lk/services/new?service=${code}` : '/lk/services/new');
  return <NewOrderView user={user} serviceCode={code} action={orderService} />;
}
