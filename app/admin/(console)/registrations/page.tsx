import type { Metadata } from 'next';
import Link from 'next/link';
import { ApproveForm, RejectForm } from '@/components/auth/decision-forms';
import { PageTitle } from '@/components/page-title';
import { APPROVAL_PROMISE_MS, decisionSummary, listPendingRegistrations } from '@/lib/auth/approval';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/dates';
import { formatWaited } from '@/lib/format/duration';
import { decideRegistration } from './actions';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Заявки на регистрацию', robots: { index: false } };

function Compare({ label, entered, registry }: { label: string; entered: string; registry: string }) {
  const same = entered.trim().toLowerCase().replace(/\s+/g, ' ') === registry.trim().toLowerCase().replace(/\s+/g, ' ');
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{entered || '—'}</td>
      <td>
        {registry}
        {same ? <span className="ml-2 text-xs text-green-700">совпадает</span> : null}
      </td>
    </tr>
  );
}

export default async function RegistrationsQueuePage({ searchParams }: PageProps<'/admin/registrations'>) {
  await requireUser('staff', '/admin/registrations');
  const { decided } = await searchParams;
  const [pending, last] = await Promise.all([
    listPendingRegistrations(),
    typeof decided === 'string' ? decisionSummary(decided) : null,
  ]);
  // eslint-disable-next-line react-hooks/purity -- a server render: "now" is the moment of this request
  const now = Date.now();
  return (
    <>
      <PageTitle
        title="Заявки на регистрацию"
        lead="Сверьте введённые данные с реестром. Сначала — те, кто ждёт дольше; обещаем решение в течение двух суток."
      />
      {last ? (
        <p className="notice mb-4" role="status">
          {last.status === 'active' ? `Доступ открыт: ${last.fullName}` : `Заявка отклонена: ${last.fullName}`}. Письмо
          заявителю отправлено.
        </p>
      ) : null}
      {pending.length === 0 ? (
        <p className="card">Новых заявок нет.</p>
      ) : (
        <ol className="space-y-4">
          {pending.map((r) => {
            const waited = now - r.waitingSince.getTime();
            const overdue = waited > APPROVAL_PROMISE_MS;
            return (
              <li key={r.userId} className="card" data-testid="registration">
                <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-lg">
                    Лицевой счёт{' '}
                    <Link href={`/admin/accounts/${r.account.id}`} className="tabular-nums">
                      {r.account.number}
                    </Link>
                  </h2>
                  <p className={overdue ? 'font-semibold text-danger-600' : 'text-slate-600'}>
                    ждёт {formatWaited(waited)} {overdue ? '— срок в 2 суток прошёл' : `из 2 суток`}
                    <span className="block text-xs text-slate-500">с {formatDateTime(r.waitingSince)}</span>
                  </p>
                </div>
                <ScrollRegion label="Данные заявки и данные реестра">
                  <table className="table-base">
                    <caption className="sr-only">Данные заявки и данные реестра</caption>
                    <thead>
                      <tr>
                        <th scope="col" />
                        <th scope="col">Указано в заявке</th>
                        <th scope="col">В реестре (договор {r.account.contractNumber})</th>
                      </tr>
                    </thead>
                    <tbody>
                      <Compare label="ФИО" entered={r.fullName} registry={r.account.holderName} />
                      <Compare label="Адрес" entered={r.enteredAddress ?? ''} registry={r.account.address} />
                      <tr>
                        <th scope="row">Связь</th>
                        <td colSpan={2}>
                          {r.email}
                          {r.phone ? `, ${r.phone}` : ''}
                        </td>
                      </tr>
                    </tbody>
                  </table>
                </ScrollRegion>
                <div className="mt-4 grid gap-4 sm:grid-cols-2">
                  <ApproveForm action={decideRegistration} userId={r.userId} />
                  <RejectForm action={decideRegistration} userId={r.userId} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
