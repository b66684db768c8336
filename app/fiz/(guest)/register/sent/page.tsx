import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-title';

export const metadata: Metadata = { title: 'Подтвердите адрес почты' };

export default function RegistrationSentPage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle title="Проверьте почту" />
      <div className="card space-y-3" role="status">
        {/* The same words whether or not the address already has a cabinet: the letter tells which. */}
        <p>
          Мы напишем на указанную почту: пришлём ссылку для подтверждения адреса (она действует 24 часа), а если у этого
          адреса уже есть кабинет — подскажем, как войти.
        </p>
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
