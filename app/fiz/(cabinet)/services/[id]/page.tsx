import type { Metadata } from 'next';
import { RequestView } from '@/components/services/cabinet-views';
import { requireUser } from '@/lib/auth/session';
import { acceptServicePrice, cancelServiceRequest, payServiceRequest, payServiceWithBinding } from '../actions';

export const metadata: Metadata = { title: 'Заявка на платную услугу' };

const FLASHES = ['ordered', 'accepted', 'cancelled'];

export default async function ServiceRequestPage({ params, searchParams }: PageProps<'/fiz/services/[id]'>) {
  const { id } = await params;
  const user = await requireUser('household', /^[0-9a-f-]{36}$/i.test(id) ? `/fiz/services/${id}` : '/fiz/services');
  const query = await searchParams;
  const flash = FLASHES.find((f) => query[f] === '1');
  return (
    <RequestView
      user={user}
      door="/fiz"
      id={id}
      flash={flash}
      actions={{
        accept: acceptServicePrice,
        pay: payServiceRequest,
        payWithBinding: payServiceWithBinding,
        cancel: cancelServiceRequest,
      }}
    />
  );
}
