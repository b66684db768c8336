import type { Metadata } from 'next';
import { RoleDenied } from '@/components/company/role-denied';
import { NewApplicationView } from '@/components/connection/cabinet-views';
import { requireCompanyPage } from '@/lib/company/access';
import { fileConnectionApplication } from '../actions';

export const metadata: Metadata = { title: 'Заявка на технологическое присоединение' };

export default async function NewCompanyConnectionApplicationPage() {
  const access = await requireCompanyPage('connection', '/lk/connection/new');
  if (!access.allowed) return <RoleDenied title="Технологическое присоединение" role={access.member.role} />;
  return <NewApplicationView user={access.member.user} action={fileConnectionApplication} />;
}
