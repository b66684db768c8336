import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { ServiceStatusBadge } from '@/components/services/status-badge';
import { requireUser } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { staffQueue, statusCounts } from '@/lib/services/staff';
import { SERVICE_STATUS_LABEL, SERVICE_STATUSES, type ServiceStatus } from '@/lib/services/status';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Платные услуги — заявки' };

export default async function StaffServicesPage({ searchParams }: PageProps<'/admin/services'>) {
  await requireUser('staff', '/admin/services');
  const { status: raw } = await searchParams;
  const status: ServiceStatus = SERVICE_STATUSES.includes(raw as ServiceStatus) ? (raw as ServiceStatus) : 'new';
  const [counts, rows] = await Promise.all([statusCounts(), staffQueue(status)]);
  return (
    <div className="space-y-6">
      <PageTitle title="Платные услуги" lead="Очередь заявок: расчёт цены, назначение выезда, выполнение, отмена." />
      <p>
        <Link href="/admin/services/catalogue">Прейскурант: услуги и цены →</Link>
      </p>
      <nav aria-label="Статусы заявок">
        <ul className="flex flex-wrap gap-2">
          {SERVICE_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={`/admin/services?status=${s}`}
                aria-current={s === status ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-lg border px-3 text-sm ${s === status ? 'border-brand-600 bg-brand-50 font-semibold' : 'border-slate-300'}`}
              >
                {SERVICE_STATUS_LABEL[s]}: {counts[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p className="card">Заявок в этом статусе нет.</p>
      ) : (
        <ScrollRegion label="Заявки на услуги" className="card">
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">Заявка</th>
                <th scope="col">Заказчик, адрес</th>
                <th scope="col">{status === 'scheduled' ? 'Выезд' : 'Желаемая дата'}</th>
                <th scope="col" className="num">
                  Цена
                </th>
                <th scope="col">Статус</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/admin/services/${r.id}`} className="font-semibold">
                      № {r.number}
                    </Link>
                    <span className="block text-slate-600">{r.title}</span>
                    <span className="block text-xs text-slate-500">подана {formatDateTime(r.createdAt)}</span>
                  </td>
                  <td>
                    {r.customer}
                    <span className="block text-slate-600">{r.address}</span>
                  </td>
                  <td>
                    {r.scheduledAt
                      ? `${formatDateTime(r.scheduledAt)}, ${r.crew}`
                      : r.preferredDate
                        ? formatDate(r.preferredDate)
                        : '—'}
                  </td>
                  <td className="num">
                    {r.priceKopecks !== null ? formatRub(r.priceKopecks) : '—'}
                    {r.status === 'price_confirmed' && !r.priceAccepted ? (
                      <span className="block text-xs text-slate-500">ждёт согласия</span>
                    ) : null}
                  </td>
                  <td>
                    <ServiceStatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
