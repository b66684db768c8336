import type { Metadata } from 'next';
import Link from 'next/link';
import { CompanyRegistrationForm } from '@/components/applications/company-registration-form';
import { PageTitle } from '@/components/page-title';
import { registerNewCompany } from './actions';

export const metadata: Metadata = { title: 'Заключить договор: регистрация организации' };

export default function CompanyRegisterPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle
        title="Заключить договор энергоснабжения"
        lead="Для организации или ИП, у которых ещё нет договора с нами. Зарегистрируйте организацию, подтвердите почту — и подайте заявку на договор с документами в кабинете."
      />
      <div className="card">
        <CompanyRegistrationForm action={registerNewCompany} />
      </div>
      <p className="mt-4 text-sm text-slate-600">
        Договор уже есть? <Link href="/lk/login">Войдите в кабинет юридического лица</Link>.
      </p>
    </div>
  );
}
