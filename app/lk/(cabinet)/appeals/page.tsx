import type { Metadata } from 'next';
import { AppealsListView } from '@/components/support/appeal-views';
import { requireCompanyPage } from '@/lib/company/access';

export const metadata: Metadata = { title: 'Обращения' };

export default async function CompanyAppealsPage() {
  const access = await requireCompanyPage('overview', '/lk/appeals');
  return <AppealsListView user={access.member.user} door="/lk" />;
}
