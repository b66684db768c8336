import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-title';

export const metadata: Metadata = { title: 'Проверьте почту' };

export default function CompanyRegisterSentPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle title="Проверьте почту" />
      <p className="card" role="status" data-testid="company-register-sent">
        Мы отправили письмо со ссылкой для подтверждения адреса. Ссылка действует 24 часа; после подтверждения войдите в
        кабинет и подайте заявку на договор.
      </p>
    </div>
  );
}
