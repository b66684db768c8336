import type { Metadata } from 'next';
import Link from 'next/link';
import { MoveOutageEndForm, ResolveOutageForm } from '@/components/console/outage-staff-forms';
import { OutageCard } from '@/components/outage-card';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { toMoscowInput } from '@/lib/content/news-schema';
import { isOngoing } from '@/lib/content/outages';
import { listOutagesForStaff } from '@/lib/content/outages-admin';
import { moveOutageEstimate, resolveOutageNow } from './actions';

export const metadata: Metadata = { title: 'Отключения — публикация', robots: { index: false } };

export default async function StaffOutagesPage({ searchParams }: PageProps<'/admin/outages'>) {
  await requireUser('staff', '/admin/outages');
  const params = await searchParams;
  const items = await listOutagesForStaff();
  const now = new Date();
  return (
    <>
      <PageTitle title="Отключения" lead="Текущие, предстоящие и завершённые за неделю. Всё публикуется сразу." />
      {params.published ? (
        <p className="notice mb-4" role="status" data-testid="outage-published">
          Отключение опубликовано: оно уже на главной странице и в разделе «Отключения».
        </p>
      ) : null}
      {params.resolved ? (
        <p className="notice mb-4" role="status">
          Отмечено: электроснабжение восстановлено.
        </p>
      ) : null}
      {params.moved ? (
        <p className="notice mb-4" role="status">
          Срок окончания изменён.
        </p>
      ) : null}
      <div className="mb-6 grid gap-3 sm:flex">
        <Link href="/admin/outages/new?kind=emergency" className="btn-danger min-h-12 text-center">
          Аварийное отключение
        </Link>
        <Link href="/admin/outages/new?kind=planned" className="btn-secondary min-h-12 text-center">
          Плановое отключение
        </Link>
      </div>
      {items.length === 0 ? (
        <p className="card">Отключений нет.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((outage) => (
            <li key={outage.id} className="space-y-2" data-testid="staff-outage">
              <OutageCard outage={outage} ongoing={isOngoing(outage, now)} />
              {outage.resolvedAt ? null : (
                <div className="card grid gap-3">
                  <ResolveOutageForm action={resolveOutageNow} id={outage.id} />
                  <MoveOutageEndForm
                    action={moveOutageEstimate}
                    id={outage.id}
                    endsAt={outage.endsAt ? toMoscowInput(outage.endsAt) : ''}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
