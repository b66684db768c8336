import type { Metadata } from 'next';
import { ApplicationView } from '@/components/connection/cabinet-views';
import { requireUser } from '@/lib/auth/session';
import { payConnectionInvoice, supplyConnectionData, withdrawConnectionApplication } from '../actions';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Заявка на технологическое присоединение' };

const FLASHES = ['filed', 'supplied', 'withdrawn'];

export default async function ConnectionApplicationPage({ params, searchParams }: PageProps<'/fiz/connection/[id]'>) {
  const { id } = await params;
  const user = await requireUser('household', isUuid(id) ? `/fiz/connection/${id}` : '/fiz/connection');
  const query = await searchParams;
  return (
    <ApplicationView
      user={user}
      door="/fiz"
      id={id}
      flash={FLASHES.find((f) => query[f] === '1')}
      actions={{ pay: payConnectionInvoice, supply: supplyConnectionData, withdraw: withdrawConnectionApplication }}
    />
  );
}
