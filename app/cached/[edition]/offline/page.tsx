import type { Metadata } from 'next';
import { LastSeenBalance } from '@/components/offline/last-seen-balance';
import { PageTitle } from '@/components/page-title';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { getUtilityProfile } from '@/lib/content/utility';
import { telHref } from '@/lib/format/phone';

export const metadata: Metadata = { title: 'Нет соединения', robots: { index: false } };

// What the service worker (app/sw.ts) shows instead of a page when the phone is offline. The same
// for everyone, so it is kept in the worker's cache: the amount last seen comes from this device's
// localStorage, never from the cache.
export default async function OfflinePage() {
  const profile = await getUtilityProfile();
  return (
    <div className="space-y-6">
      <PageTitle title="Нет соединения с интернетом" />
      <Alert tone="warning" title="Страница откроется, когда связь вернётся">
        Показания, счета и оплата — тоже после этого: без связи кабинет ничего не хранит на телефоне.
      </Alert>
      <Card accent="danger" heading="Аварийная служба — круглосуточно" headingId="offline-emergency">
        <a
          className="mt-2 block whitespace-nowrap text-3xl font-bold text-danger-600"
          href={telHref(profile.emergencyPhone)}
          data-testid="offline-emergency-phone"
        >
          {profile.emergencyPhone}
        </a>
        <p className="mt-1 text-slate-600">Нет электричества, искрит провод, повреждена опора — звоните сразу.</p>
      </Card>
      <LastSeenBalance />
    </div>
  );
}
