import type { Metadata } from 'next';
import { NewApplicationView } from '@/components/connection/cabinet-views';
import { requireUser } from '@/lib/auth/session';
import { fileConnectionApplication } from '../actions';

export const metadata: Metadata = { title: 'Заявка на технологическое присоединение' };

export default async function NewConnectionApplicationPage() {
  const user = await requireUser('household', '/fiz/connection/new');
  return <NewApplicationView user={user} action={fileConnectionApplication} />;
}
