import type { Metadata } from 'next';
import { AppealsListView } from '@/components/support/appeal-views';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Обращения' };

export default async function AppealsPage() {
  const user = await requireUser('household', '/fiz/appeals');
  return <AppealsListView user={user} door="/fiz" />;
}
