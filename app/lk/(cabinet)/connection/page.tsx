import type { Metadata } from 'next';
import { RoleDenied } from '@/components/company/role-denied';
import { ApplicationsListView } from '@/components/connection/cabinet-views';
import { requireCompanyPage } from '@/lib/company/access';

export const metadata: Metadata = { title: 'Технологическое присоединение' };

export default async function CompanyConnectionApplicationsPage() {
  const access = await requireCompanyPage('connection', '/lk/connection');
  if (!access.allowed) return <RoleDenied title="Технологическое присоединение" role={access.member.role} />;
  return <ApplicationsListView user={access.member.user} door="/lk" />;
}
