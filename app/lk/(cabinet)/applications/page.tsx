import type { Metadata } from 'next';
import Link from 'next/link';
import { ApplicationStatusBadge } from '@/components/applications/application-status';
import { RoleDenied } from '@/components/company/role-denied';
import { PageTitle } from '@/components/page-title';
import { listApplicationsOf } from '@/lib/applications/applications';
import { requireCompanyPage } from '@/lib/company/access';
import { formatDateTime } from '@/lib/format/dates';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Заявки на договор' };

export default async function CompanyApplicationsPage() {
  const access = await requireCompanyPage('applications', '/lk/applications');
  if (!access.allowed) return <RoleDenied title="Заявки на договор" role={access.member.role} />;
  const applications = await listApplicationsOf(access.member.companyId);
  return (
    <>
      <PageTitle
        title="Заявки на договор"
        lead="Договор энергоснабжения для нового объекта: заявка, документы по перечню, ход рассмотрения и оферта договора."
      />
      <p className="mb-6">
        <Link href="/lk/applications/new" className="btn-primary">
          Подать заявку
        </Link>
      </p>
      {applications.length === 0 ? (
        <p className="card">Заявок пока нет.</p>
      ) : (
        <ScrollRegion label="Заявки организации" className="card">
          <table className="table-base">
            <caption className="sr-only">Заявки организации, новые сверху</caption>
            <thead>
              <tr>
                <th scope="col">Заявка</th>
                <th scope="col">Объект</th>
                <th scope="col" className="num">
                  Мощность, кВт
                </th>
                <th scope="col">Статус</th>
                <th scope="col">Изменена</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id} data-testid="application-row">
                  <td>
                    <Link href={`/lk/applications/${a.id}`}>№ {a.number}</Link>
                  </td>
                  <td>{a.objectAddress}</td>
                  <td className="num">{a.maxPowerKw.replace('.', ',')}</td>
                  <td>
                    <ApplicationStatusBadge status={a.status} />
                  </td>
                  <td className="whitespace-nowrap">{formatDateTime(a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
