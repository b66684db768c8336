import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetRequestForm } from '@/components/auth/reset-forms';
import { PageTitle } from '@/components/page-title';
import { requestReset } from '../../actions';

export const metadata: Metadata = { title: 'Восстановление пароля' };

export default function ResetPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageTitle
        title="Восстановление пароля"
        lead="Пришлём на почту ссылку для смены пароля. Ссылка действует 1 час."
      />
      <div className="card">
        <p className="notice mb-4">
          Внимание: после смены пароля все привязанные банковские карты будут удалены, а вход на других устройствах
          завершится. Карту можно будет привязать снова при следующей оплате.
        </p>
        <ResetRequestForm action={requestReset} />
      </div>
      <p className="mt-4 text-sm">
        <Link href="/fiz/login">Вернуться ко входу</Link>
      </p>
    </div>
  );
}
