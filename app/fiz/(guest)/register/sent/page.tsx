import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-title';

export const metadata: Metadata = { title: 'Подтвердите адрес почты' };

export default function RegistrationSentPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle title="Проверьте почту" />
      <div className="card space-y-3" role="status">
        <p>Мы отправили письмо со ссылкой для подтверждения адреса. Ссылка действует 24 часа.</p>
        <p>
          После подтверждения заявка попадёт к сотруднику: он сверит данные с договором. Заявка обрабатывается до двух
          суток, о решении мы напишем на почту.
        </p>
        <p className="text-sm text-slate-600">
          Письма нет? Проверьте папку «Спам» или зарегистрируйтесь ещё раз через сутки.
        </p>
      </div>
    </div>
  );
}
