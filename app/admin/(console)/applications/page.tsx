import type { Metadata } from 'next';
import Link from 'next/link';
import { ApplicationStatusBadge } from '@/components/applications/application-status';
import { PageTitle } from '@/components/page-title';
import { applicationQueue, type QueueItem } from '@/lib/applications/staff';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/dates';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Заявки на договор' };

function QueueTable({ rows, caption }: { rows: QueueItem[]; caption: string }) {
  return (
    <ScrollRegion label={caption} className="card p-0 sm:p-0">
      <table className="table-base min-w-[48rem]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Заявка</th>
            <th scope="col">Подана</th>
            <th scope="col">Организация</th>
            <th scope="col">Объект</th>
            <th scope="col" className="num">
              кВт
            </th>
            <th scope="col">Статус</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="queue-row">
              <td>
                <Link href={`/admin/applications/${r.id}`}>№ {r.number}</Link>
              </td>
              <td className="whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
              <td>
                {r.companyName}
                <span className="block text-xs text-slate-500">ИНН {r.inn}</span>
              </td>
              <td>{r.objectAddress}</td>
              <td className="num">{r.maxPowerKw.replace('.', ',')}</td>
              <td>
                <ApplicationStatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export default async function StaffApplicationsPage() {
  await requireUser('staff', '/admin/applications');
  const { open, decided } = await applicationQueue();
  return (
    <div className="space-y-8">
      <PageTitle
        title="Заявки на договор"
        lead="Заявки юридических лиц и ИП на договор энергоснабжения; в очереди — по времени подачи, старые сверху."
      />
      <section aria-labelledby="open-heading">
        <h2 id="open-heading" className="mb-3">
          В работе: {open.length}
        </h2>
        {open.length ? (
          <QueueTable rows={open} caption="Заявки в работе, старые сверху" />
        ) : (
          <p className="card">Очередь пуста.</p>
        )}
      </section>
      {decided.length ? (
        <section aria-labelledby="decided-heading">
          <h2 id="decided-heading" className="mb-3">
            Решённые
          </h2>
          <QueueTable rows={decided} caption="Решённые заявки, последние сверху" />
        </section>
      ) : null}
    </div>
  );
}
