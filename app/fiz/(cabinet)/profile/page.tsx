import type { Metadata } from 'next';
import { LogoutButton } from '@/components/auth/logout-button';
import { ChangeEmailForm, ChangePasswordForm, ContactsForm, PreferencesForm } from '@/components/auth/profile-forms';
import { PageTitle } from '@/components/page-title';
import { db } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { preferenceValues } from '@/lib/notifications/preferences';
import { smsAvailable } from '@/lib/sms/transport';
import { pushAvailable, vapidKeys } from '@/lib/notifications/push';
import { PushSwitch } from '@/components/notifications/push-switch';
import {
  savePassword,
  saveContacts,
  savePreferences,
  startEmailChange,
  subscribePush,
  unsubscribePush,
} from './actions';

export const metadata: Metadata = { title: 'Профиль' };

export default async function ProfilePage({ searchParams }: PageProps<'/fiz/profile'>) {
  const user = await requireUser('household', '/fiz/profile');
  const { password } = await searchParams;
  const pushKey = pushAvailable() ? vapidKeys()?.publicKey : undefined;
  return (
    <>
      <PageTitle title="Профиль" />
      {password === 'changed' ? (
        <p className="notice mb-4" role="status">
          Пароль изменён. На других устройствах нужно войти заново.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="contacts-heading">
          <h2 id="contacts-heading" className="mb-4">
            Контактные данные
          </h2>
          <ContactsForm action={saveContacts} fullName={user.fullName} phone={user.phone ?? ''} />
        </section>
        <section className="card" aria-labelledby="notifications-heading">
          <h2 id="notifications-heading" className="mb-4">
            Уведомления
          </h2>
          <PreferencesForm
            action={savePreferences}
            values={await preferenceValues(db(), user.id)}
            sms={smsAvailable()}
            push={pushAvailable()}
          />
          {pushKey ? <PushSwitch publicKey={pushKey} subscribe={subscribePush} unsubscribe={unsubscribePush} /> : null}
        </section>
        <section className="card" aria-labelledby="email-heading">
          <h2 id="email-heading" className="mb-2">
            Адрес электронной почты
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            Сейчас: <strong data-testid="current-email">{user.email}</strong>
            {user.pendingEmail ? <> · ждёт подтверждения: {user.pendingEmail}</> : null}
          </p>
          <ChangeEmailForm action={startEmailChange} />
        </section>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading" className="mb-4">
            Пароль
          </h2>
          <ChangePasswordForm action={savePassword} />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <p className="mb-2 text-sm text-slate-600">Забыли выйти на чужом компьютере?</p>
            <LogoutButton door="household" everywhere className="btn-secondary" />
          </div>
        </section>
      </div>
    </>
  );
}
