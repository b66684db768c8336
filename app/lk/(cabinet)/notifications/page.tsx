import type { Metadata } from 'next';
import { db } from '@/db/client';
import { PreferencesForm } from '@/components/auth/profile-forms';
import { NotificationCentre } from '@/components/notifications/notification-centre';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { companyNotificationCentreParams, deliveryStateLabels, notificationCentre } from '@/lib/notifications/centre';
import { preferenceValues } from '@/lib/notifications/preferences';
import { pushAvailable } from '@/lib/notifications/push';
import { smsAvailable } from '@/lib/sms/transport';
import { saveCompanyPreferences } from './actions';

export const metadata: Metadata = { title: 'Уведомления' };

export default async function CompanyNotificationsPage({ searchParams }: PageProps<'/lk/notifications'>) {
  const user = await requireUser('company', '/lk/notifications');
  const { page } = await companyNotificationCentreParams.read(searchParams);
  const centre = await notificationCentre(user.id, { page });
  return (
    <>
      <PageTitle
        title="Уведомления"
        lead="Какие уведомления и куда присылать вам лично, и что портал уже отправил: письма, СМС и push, новые сверху."
      />
      <section className="card mb-6" aria-labelledby="preferences-heading">
        <h2 id="preferences-heading" className="mb-4">
          Настройки
        </h2>
        <PreferencesForm
          action={saveCompanyPreferences}
          values={await preferenceValues(db(), user.id)}
          sms={smsAvailable()}
          push={pushAvailable()}
        />
      </section>
      <NotificationCentre
        {...centre}
        pageHref={(n) => companyNotificationCentreParams.href({ page: n })}
        settingsHref="/lk/notifications"
        stateLabels={deliveryStateLabels}
      />
    </>
  );
}
