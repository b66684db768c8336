import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { KeepWhole } from '@/components/ui/keep-whole';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { AppealStatusBadge } from '@/components/support/appeal-views';
import { requireUser } from '@/lib/auth/session';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import { APPEAL_TOPIC_LABEL } from '@/lib/support/appeal-topics';
import { monthlyStats, staffAppealQueue } from '@/lib/support/appeals-staff';

export const metadata: Metadata = { title: 'Обращения' };

export default async function StaffAppealsPage({ searchParams }: PageProps<'/admin/support'>) {
  await requireUser('staff', '/admin/support');
  const { closed } = await searchParams;
  const showClosed = closed === '1';
  const [rows, stats] = await Promise.all([
    staffAppealQueue({ statuses: showClosed ? ['closed'] : ['open', 'answered'] }),
    monthlyStats(),
  ]);
  return (
    <div className="space-y-6">
      <PageTitle
        title="Обращения"
        lead="Сначала просроченные, затем по последнему дню ответа. Обращения гостей появляются здесь после подтверждения почты."
      />
      <div className="flex flex-wrap items-center gap-4">
        <Link href={showClosed ? '/admin/support' : '/admin/support?closed=1'}>
          {showClosed ? 'Открытые обращения' : 'Закрытые'}
        </Link>
        <Link href="/admin/support/settings">Шаблоны ответов и сроки</Link>
        <Link href="/admin/support/articles">Справка</Link>
      </div>
      {rows.length === 0 ? (
        <p className="card">Обращений нет.</p>
      ) : (
        <ScrollRegion label="Очередь обращений" className="card">
          <table className="table-base" data-testid="appeal-queue">
            <thead>
              <tr>
                <th scope="col">Обращение</th>
                <th scope="col">Заявитель</th>
                <th scope="col">Статус</th>
                <th scope="col">Ответить до</th>
                <th scope="col">Исполнитель</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-overdue={r.overdue ? 'yes' : 'no'} className={r.overdue ? 'bg-red-50' : undefined}>
                  <td>
                    <Link href={`/admin/support/${r.id}`}>
                      <KeepWhole text={`№ ${r.number}`} />
                    </Link>
                    <div className="text-sm text-slate-600">{APPEAL_TOPIC_LABEL[r.topic]}</div>
                  </td>
                  <td>
                    {r.appellantName}
                    {r.accountNumber ? (
                      <div className="text-sm text-slate-600 tabular-nums">{r.accountNumber}</div>
                    ) : null}
                  </td>
                  <td>
                    <AppealStatusBadge status={r.status} />
                  </td>
                  <td className={r.overdue ? 'font-semibold text-danger-600' : undefined}>
                    {formatDate(r.dueOn)}
                    {r.overdue ? <div className="text-sm">Просрочено</div> : null}
                  </td>
                  <td>{r.assigneeName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <section className="card space-y-3" aria-labelledby="appeal-stats">
        <h2 id="appeal-stats">Статистика по месяцам</h2>
        {stats.length === 0 ? (
          <p>Пока нет данных.</p>
        ) : (
          <ScrollRegion label="Статистика обращений по месяцам">
            <table className="table-base" data-testid="appeal-stats">
              <thead>
                <tr>
                  <th scope="col">Месяц</th>
                  <th scope="col">Поступило</th>
                  <th scope="col">Отвечено в срок</th>
                  <th scope="col">Просрочено</th>
                </tr>
              </thead>
              <tbody>
                {stats.map((s) => (
                  <tr key={s.month}>
                    <td>{formatPeriod(s.month)}</td>
                    <td className="tabular-nums">{s.received}</td>
                    <td className="tabular-nums">{s.answeredInTime}</td>
                    <td className="tabular-nums">{s.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
