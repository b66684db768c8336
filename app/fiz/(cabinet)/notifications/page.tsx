import type { Metadata } from 'next';
import { NotificationCentre } from '@/components/notifications/notification-centre';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { deliveryStateLabels, notificationCentre, notificationCentreParams } from '@/lib/notifications/centre';

export const metadata: Metadata = { title: 'Уведомления' };

export default async function NotificationCentrePage({ searchParams }: PageProps<'/fiz/notifications'>) {
  const user = await requireUser('household', '/fiz/notifications');
  const { page: requested } = await notificationCentreParams.read(searchParams);
  const centre = await notificationCentre(user.id, { page: requested });
  return (
    <>
      <PageTitle
        title="Уведомления"
        lead="Что портал отправил вам: письма и СМС, новые сверху. Какие уведомления и куда присылать, настраивается в профиле."
      />
      <NotificationCentre
        {...centre}
        pageHref={(n) => notificationCentreParams.href({ page: n })}
        settingsHref="/fiz/profile"
        stateLabels={deliveryStateLabels}
      />
    </>
  );
}
