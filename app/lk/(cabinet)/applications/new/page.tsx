import type { Metadata } from 'next';
import { ApplicationForm } from '@/components/applications/application-forms';
import { RoleDenied } from '@/components/company/role-denied';
import { PageTitle } from '@/components/page-title';
import { requireCompanyPage } from '@/lib/company/access';
import { companyDetails } from '@/lib/company/overview';
import { submitApplication } from '../actions';

export const metadata: Metadata = { title: 'Новая заявка на договор' };

export default async function NewApplicationPage() {
  const access = await requireCompanyPage('applications', '/lk/applications/new');
  if (!access.allowed) return <RoleDenied title="Новая заявка на договор" role={access.member.role} />;
  const { user } = access.member;
  const company = await companyDetails(access.member.companyId);
  return (
    <div className="max-w-2xl">
      <PageTitle
        title="Новая заявка на договор"
        lead="После подачи приложите документы по перечню на странице заявки — файлы PDF, JPEG или PNG."
      />
      {company ? (
        <p className="card mb-6 text-sm" data-testid="application-company">
          Заявитель: <strong>{company.name}</strong>, ИНН {company.inn}
          {company.kpp ? `, КПП ${company.kpp}` : ''}
          {company.ogrn ? `, ОГРН ${company.ogrn}` : ''}, {company.legalAddress}
        </p>
      ) : null}
      <div className="card">
        <ApplicationForm
          action={submitApplication}
          contact={{ name: user.fullName, email: user.email, phone: user.phone ?? '' }}
        />
      </div>
    </div>
  );
}
