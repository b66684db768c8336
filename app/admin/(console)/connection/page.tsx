import type { Metadata } from 'next';
import Link from 'next/link';
import { DeadlineLine } from '@/components/connection/parts';
import { ConnectionStatusBadge } from '@/components/connection/parts';
import { SweepForm } from '@/components/connection/staff-forms';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { formatKw } from '@/lib/connection/calculator';
import { staffQueue } from '@/lib/connection/staff';
import { CONNECTION_STATUSES, type ConnectionStatus } from '@/lib/connection/status';
import { overdueOfferCount } from '@/lib/connection/workflow';
import { formatDate } from '@/lib/format/dates';
import { sweepAction } from './actions';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Технологическое присоединение — заявки' };

const OPEN: ConnectionStatus[] = [
  'submitted',
  'data_requested',
  'offer_posted',
  'contracted',
  'works_done',
  'act_posted',
];

export default async function StaffConnectionPage({ searchParams }: PageProps<'/admin/connection'>) {
  await requireUser('staff', '/admin/connection');
  const { finished, swept } = await searchParams;
  const showFinished = finished === '1';
  const statuses = showFinished ? CONNECTION_STATUSES.filter((s) => !OPEN.includes(s)) : OPEN;
  const [rows, overdue] = await Promise.all([staffQueue(statuses), overdueOfferCount()]);
  return (
    <div className="space-y-6">
      <PageTitle
        title="Технологическое присоединение"
        lead="Заявки до 150 кВт: сначала просроченные и те, где до конца срока не больше 2 рабочих дней."
      />
      {typeof swept === 'string' ? (
        <p className="notice" role="status">
          Аннулировано заявок с истёкшим сроком: {swept}.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <Link href={showFinished ? '/admin/connection' : '/admin/connection?finished=1'}>
          {showFinished ? 'Открытые заявки' : 'Завершённые и аннулированные'}
        </Link>
        <Link href="/admin/connection/rates">Ставки платы</Link>
      </div>
      {overdue > 0 ? (
        <section className="card space-y-2" aria-labelledby="conn-overdue">
          <h2 id="conn-overdue">Неоплаченные в срок оферты: {overdue}</h2>
          <p className="text-sm text-slate-600">Счёт не оплачен в течение 5 рабочих дней — оферта аннулируется.</p>
          <SweepForm action={sweepAction} />
        </section>
      ) : null}
      {rows.length === 0 ? (
        <p className="card">Заявок нет.</p>
      ) : (
        <ScrollRegion label="Заявки на присоединение" className="card">
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">Заявка</th>
                <th scope="col">Заявитель, объект</th>
                <th scope="col">Статус</th>
                <th scope="col">Срок</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-deadline={r.deadline?.state ?? 'none'}>
                  <td>
                    <Link href={`/admin/connection/${r.id}`}>№ {r.number}</Link>
                    <div className="text-sm text-slate-600">{formatDate(r.createdAt)}</div>
                  </td>
                  <td>
                    {r.applicantName}
                    <div className="text-sm text-slate-600">
                      {formatKw(r.maxPowerW)}, {r.objectAddress}
                    </div>
                  </td>
                  <td>
                    <ConnectionStatusBadge status={r.status} />
                  </td>
                  <td>
                    {r.deadline ? (
                      <>
                        <div className="text-sm text-slate-600">{r.deadline.label}</div>
                        <DeadlineLine deadline={r.deadline} />
                      </>
                    ) : (
                      '—'
                    )}
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
