import type { Metadata } from 'next';
import { NewAppealView } from '@/components/support/appeal-views';
import { requireCompanyPage } from '@/lib/company/access';
import { fileAppeal } from '../actions';

export const metadata: Metadata = { title: 'Новое обращение' };

export default async function CompanyNewAppealPage() {
  const access = await requireCompanyPage('overview', '/lk/appeals/new');
  return <NewAppealView user={access.member.user} action={fileAppeal} />;
}
