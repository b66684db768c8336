import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { EnrolForm } from '@/components/auth/enrol-form';
import { LogoutButton } from '@/components/auth/logout-button';
import { PageTitle } from '@/components/page-title';
import { qrSvgPath } from '@/lib/auth/enrol-qr';
import { canUseDoor, currentSession } from '@/lib/auth/session';
import { pendingEnrolmentSecret } from '@/lib/auth/staff-factor';
import { totpUri } from '@/lib/auth/totp';
import { enrolSecondFactor } from './actions';

export const metadata: Metadata = { title: 'Подключение второго фактора', robots: { index: false } };

/** Every staff login needs a second factor; a staff member without one lands here first. */
export default async function StaffEnrolPage() {
  const current = await currentSession();
  if (!current || current.session.door !== 'staff' || !canUseDoor(current.user, 'staff')) redirect('/admin/login');
  if (current.session.secondFactorAt) redirect('/admin');
  const secret = await pendingEnrolmentSecret(current.user.id);
  if (!secret) {
    // A factor was connected from another browser after this one signed in with the password only.
    return (
      <div className="mx-auto max-w-md">
        <PageTitle title="Второй фактор уже подключён" lead="Войдите заново с кодом из приложения." />
        <LogoutButton door="staff" />
      </div>
    );
  }
  const uri = totpUri(secret, current.user.email);
  const qr = qrSvgPath(uri);
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret;
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle
        title="Подключите второй фактор"
        lead="Вход в консоль сотрудника защищён кодом из приложения-аутентификатора (Яндекс Ключ, Google Authenticator, FreeOTP и другие)."
      />
      <div className="card space-y-4">
        <ol className="list-decimal space-y-2 pl-5">
          <li>Откройте приложение и отсканируйте QR-код.</li>
          <li>Введите шестизначный код, который покажет приложение.</li>
          <li>Сохраните коды восстановления: они понадобятся, если телефон потеряется.</li>
        </ol>
        <svg
          role="img"
          aria-label="QR-код для приложения-аутентификатора"
          viewBox={`0 0 ${qr.extent} ${qr.extent}`}
          className="mx-auto size-56 bg-white"
          shapeRendering="crispEdges"
        >
          <path d={qr.path} fill="#000" />
        </svg>
        <p className="text-sm text-slate-600">
          Не получается отсканировать? Введите ключ вручную:{' '}
          <code className="font-mono break-all" data-testid="totp-secret">
            {grouped}
          </code>
        </p>
        <EnrolForm action={enrolSecondFactor} />
      </div>
    </div>
  );
}
