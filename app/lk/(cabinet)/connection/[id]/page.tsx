import type { Metadata } from 'next';
import { RoleDenied } from '@/components/company/role-denied';
import { ApplicationView } from '@/components/connection/cabinet-views';
import { requireCompanyPage } from '@/lib/company/access';
import { payConnectionInvoice, supplyConnectionData, withdrawConnectionApplication } from '../actions';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Заявка на технологическое присоединение' };

const FLASHES = ['filed', 'supplied', 'withdrawn'];

export default async function CompanyConnectionApplicationPage({
  params,
  searchParams,
}: PageProps<'/lk/connection/[id]'>) {
  const { id } = await params;
  const access = await requireCompanyPage('connection', isUuid(id) ? `/lk/connection/${id}` : '/lk/connection');
  if (!access.allowed) return <RoleDenied title="Технологическое присоединение" role={access.member.role} />;
  const query = await searchParams;
  return (
    <ApplicationView
      user={access.member.user}
      door="/lk"
      id={id}
      flash={FLASHES.find((f) => query[f] === '1')}
      actions={{ pay: payConnectionInvoice, supply: supplyConnectionData, withdraw: withdrawConnectionApplication }}
    />
  );
}
