import type { Metadata } from 'next';
import { AppealView } from '@/components/support/appeal-views';
import { requireUser } from '@/lib/auth/session';
import { isUuid } from '@/lib/validation/ids';
import { closeMyAppeal, replyToAppeal } from '../actions';

export const metadata: Metadata = { title: 'Обращение' };

const FLASHES = ['filed', 'sent', 'closed'];

export default async function AppealPage({ params, searchParams }: PageProps<'/fiz/appeals/[id]'>) {
  const { id } = await params;
  const user = await requireUser('household', isUuid(id) ? `/fiz/appeals/${id}` : '/fiz/appeals');
  const query = await searchParams;
  return (
    <AppealView
      user={user}
      door="/fiz"
      id={id}
      flash={FLASHES.find((f) => query[f] === '1')}
      actions={{ reply: replyToAppeal, close: closeMyAppeal }}
    />
  );
}
