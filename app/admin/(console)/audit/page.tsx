import type { Metadata } from 'next';
import { ScrollRegion } from '@/components/ui/scroll-region';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { auditFilterOf, auditListParams, listAuditEvents, listAuditKinds } from '@/lib/console/audit-log';
import { formatDateTime } from '@/lib/format/dates';

export const metadata: Metadata = { title: 'Журнал событий', robots: { index: false } };

const PAGE = 100;
const input = 'mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base';

export default async function AuditPage({ searchParams }: PageProps<'/admin/audit'>) {
  await requireUser('staff', '/admin/audit');
  const params = await auditListParams.read(searchParams);
  const filter = auditFilterOf(params);
  const [rows, kinds] = await Promise.all([
    listAuditEvents(filter, { limit: PAGE, before: params.before ?? undefined }),
    listAuditKinds(),
  ]);
  const last = rows.at(-1);

  return (
    <>
      <PageTitle
        title="Журнал событий"
        lead="Действия сотрудников и события безопасности. Только чтение; выгрузка тоже попадает в журнал."
      />
      <form method="get" role="search" className="card mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <label className="block">
          <span className="text-sm font-medium">Кто (e-mail или имя)</span>
          <input name="person" defaultValue={filter.person ?? ''} maxLength={100} className={input} />
        </label>
        <label className="block">
          <span className="text-sm font-medium">Лицевой счёт</span>
          <input
            name="account"
            defaultValue={filter.account ?? ''}
            inputMode="numeric"
            maxLength={12}
            className={input}
          />
        </label>
        <label className="block">
          <span className="text-sm font-medium">Событие</span>
          <select name="kind" defaultValue={filter.kind ?? ''} className={input}>
            <option value="">Все</option>
            {[...new Set(kinds.map((k) => k.split('.')[0]!))].map((family) => (
              <optgroup key={family} label={family}>
                <option value={family}>{family}.*</option>
                {kinds
                  .filter((k) => k.startsWith(`${family}.`))
                  .map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-sm font-medium">С (МСК)</span>
          <input type="date" name="from" defaultValue={filter.from ?? ''} className={input} />
        </label>
        <label className="block">
          <span className="text-sm font-medium">По</span>
          <input type="date" name="to" defaultValue={filter.to ?? ''} className={input} />
        </label>
        <div className="flex gap-2">
          <button type="submit" className="btn-primary min-h-11 flex-1">
            Найти
          </button>
          <a
            href={auditListParams.href({ ...params, before: null }, '/admin/audit/export')}
            className="btn-secondary min-h-11"
            download
          >
            CSV
          </a>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="card">Событий по этому фильтру нет.</p>
      ) : (
        <ScrollRegion label="Журнал действий" className="card p-0 sm:p-0">
          <table className="table-base min-w-[720px]" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">Время (МСК)</th>
                <th scope="col">Событие</th>
                <th scope="col">Кто</th>
                <th scope="col">Объект</th>
                <th scope="col">Подробности</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-action={r.action}>
                  <td className="whitespace-nowrap tabular-nums">{formatDateTime(r.at)}</td>
                  <td className="font-mono text-xs">{r.action}</td>
                  <td>
                    {r.actorName ?? '—'}
                    {r.actorEmail ? <span className="block text-xs text-slate-500">{r.actorEmail}</span> : null}
                    {r.ip ? <span className="block text-xs text-slate-500">{r.ip}</span> : null}
                  </td>
                  <td className="text-xs">
                    {r.subjectType ?? ''}
                    {r.subjectId ? <span className="block break-all text-slate-500">{r.subjectId}</span> : null}
                  </td>
                  <td className="max-w-md break-all font-mono text-xs text-slate-600">
                    {r.details ? JSON.stringify(r.details).slice(0, 300) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {rows.length === PAGE && last ? (
        <p className="mt-4">
          <Link href={auditListParams.href({ ...params, before: last.id })}>Более ранние события →</Link>
        </p>
      ) : null}
    </>
  );
}
