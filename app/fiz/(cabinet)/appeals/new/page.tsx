import type { Metadata } from 'next';
import { NewAppealView } from '@/components/support/appeal-views';
import { requireUser } from '@/lib/auth/session';
import { fileAppeal } from '../actions';

export const metadata: Metadata = { title: 'Новое обращение' };

export default async function NewAppealPage() {
  const user = await requireUser('household', '/fiz/appeals/new');
  return <NewAppealView user={user} action={fileAppeal} />;
}
