import { benefitPeriod, benefitStateLabels } from '@/lib/benefits/benefits';
import { KeepWhole } from '@/components/ui/keep-whole';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import {
  AccountContactsForm,
  AccountGisIdsForm,
  AccountNoteForm,
  AccountTermsForm,
  AdjustmentDecisionForm,
  AdjustmentForm,
} from '@/components/accounts/account-card-forms';
import { PageTitle } from '@/components/page-title';
import { PaymentStatusBadge } from '@/components/payments/payment-history-status';
import { adjustmentThresholdKopecks } from '@/lib/accounts/adjustments';
import { loadAccountCard } from '@/lib/accounts/card';
import { requireUser } from '@/lib/auth/session';
import { billStatusLabels } from '@/lib/bills/status';
import { formatDate, formatDateTime, formatPeriod, periodOf } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { shiftPeriod } from '@/lib/readings/window';
import { SERVICE_STATUS_LABEL } from '@/lib/services/status';
import { categoryLabels, zonePlanLabels, zoneShortLabels, type ZonePlan } from '@/lib/tariffs/zones';
import {
  decideAccountAdjustment,
  saveAccountContacts,
  saveAccountGisIds,
  saveAccountNote,
  saveAccountTerms,
  saveAdjustment,
} from '../actions';

export const metadata: Metadata = { title: 'Лицевой счёт', robots: { index: false } };

const ledgerKindLabels = {
  charge: 'начисление',
  payment: 'оплата',
  refund: 'возврат',
  adjustment: 'корректировка',
  penalty: 'пени',
} as const;
const meterStatusLabels = {
  pending_confirmation: 'ждёт подтверждения',
  active: 'работает',
  removed: 'снят',
  rejected: 'отклонён',
} as const;
const userStatusLabels: Record<string, string> = {
  email_unconfirmed: 'почта не подтверждена',
  awaiting_approval: 'ждёт проверки',
  active: 'активен',
  rejected: 'отклонён',
  blocked: 'заблокирован',
};
const adjustmentStatusLabels = { pending: 'ждёт одобрения', approved: 'проведена', declined: 'отклонена' } as const;
const readingSourceLabels: Record<string, string> = {
  subscriber: 'абонент',
  staff: 'сотрудник',
  initial: 'начальные',
  import: 'импорт',
};
const doneNotices: Record<string, string> = {
  contacts: 'Контакты лицевого счёта сохранены.',
  'gis-ids': 'Идентификаторы ГИС ЖКХ сохранены.',
  terms: 'Изменение сохранено и войдёт в ближайшее начисление.',
  adjusted: 'Корректировка проведена: баланс изменился.',
  'adjustment-requested': 'Корректировка ждёт одобрения администратора. Баланс пока не изменился.',
  'adjustment-approved': 'Корректировка одобрена и проведена.',
  'adjustment-declined': 'Корректировка отклонена, баланс не изменился.',
  note: 'Заметка добавлена.',
};

const signed = (kopecks: number) => `${kopecks > 0 ? '+' : kopecks < 0 ? '−' : ''}${formatRub(Math.abs(kopecks))}`;

function balanceText(kopecks: number): string {
  if (kopecks > 0) return `долг ${formatRub(kopecks)}`;
  if (kopecks < 0) return `аванс ${formatRub(-kopecks)}`;
  return 'без долга, 0,00\u00a0₽';
}

function Section({ id, title, children, count }: { id: string; title: string; children: ReactNode; count?: number }) {
  return (
    <section className="mt-8 min-w-0" aria-labelledby={`${id}-heading`} data-testid={`card-${id}`}>
      <h2 id={`${id}-heading`} className="mb-3">
        {title}
        {count !== undefined ? <span className="ml-2 text-base font-normal text-slate-500">{count}</span> : null}
      </h2>
      {children}
    </section>
  );
}

/** A wide table scrolls inside its card; the page itself never scrolls sideways. */
function TableBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="card max-w-full overflow-x-auto p-0 sm:p-0" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

const Empty = ({ children }: { children: ReactNode }) => <p className="card text-slate-600">{children}</p>;

export default async function StaffAccountCardPage({ params, searchParams }: PageProps<'/admin/accounts/[id]'>) {
  const { id } = await params;
  const staff = await requireUser('staff', `/admin/accounts/${encodeURIComponent(id)}`);
  const card = await loadAccountCard(staff, id);
  if (!card) notFound();
  const { done } = await searchParams;
  const { account } = card;
  const threshold = adjustmentThresholdKopecks();
  const lastBilled = card.bills[0]?.period;
  const nextMonth = (lastBilled ? shiftPeriod(lastBilled, 1) : periodOf(new Date())).slice(0, 7);
  const notice = typeof done === 'string' ? doneNotices[done] : undefined;
  const pending = card.adjustments.filter((a) => a.status === 'pending');

  return (
    <div className="min-w-0">
      <p className="mb-3 text-sm">
        <Link href="/admin/accounts">← Реестр лицевых счетов</Link>
      </p>
      <PageTitle title={`Лицевой счёт ${account.number}`} lead={`${account.holderName} · ${card.address}`} />
      {notice ? (
        <p className="notice mb-4" role="status" data-testid="card-notice">
          {notice}
        </p>
      ) : null}

      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <section className="card min-w-0" aria-labelledby="summary-heading">
          <h2 id="summary-heading" className="mb-3">
            Абонент и договор
          </h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]" data-testid="card-summary">
            <dt className="text-slate-600">Баланс</dt>
            <dd
              className={`font-semibold tabular-nums ${card.balanceKopecks > 0 ? 'text-danger-600' : ''}`}
              data-testid="card-balance"
              data-kopecks={card.balanceKopecks}
            >
              {balanceText(card.balanceKopecks)}
            </dd>
            <dt className="text-slate-600">Абонент</dt>
            <dd className="break-words">
              {account.holderName}
              {card.companyName ? <span className="block text-sm text-slate-500">{card.companyName}</span> : null}
            </dd>
            <dt className="text-slate-600">Вид</dt>
            <dd>
              {account.kind === 'company' ? 'юридическое лицо' : 'физическое лицо'}
              {account.status === 'closed' ? ', счёт закрыт' : ''}
            </dd>
            <dt className="text-slate-600">Адрес</dt>
            <dd className="break-words">
              {card.address}
              {account.postcode ? `, ${account.postcode}` : ''}
            </dd>
            <dt className="text-slate-600">Телефон</dt>
            <dd className="break-words">{account.phone ?? '—'}</dd>
            <dt className="text-slate-600">E-mail</dt>
            <dd className="break-all">{account.email ?? '—'}</dd>
            <dt className="text-slate-600">ЕЛС</dt>
            <dd className="break-all tabular-nums" data-testid="card-els">
              {account.els ?? '—'}
            </dd>
            <dt className="text-slate-600">ИЖКУ</dt>
            <dd className="break-all tabular-nums" data-testid="card-izhku">
              {account.izhku ?? '—'}
            </dd>
            <dt className="text-slate-600">Жильцов</dt>
            <dd data-testid="card-residents">{account.residents}</dd>
            <dt className="text-slate-600">Собственников</dt>
            <dd>{account.owners}</dd>
            <dt className="text-slate-600">Категория</dt>
            <dd>{categoryLabels[account.tariffCategory]}</dd>
            <dt className="text-slate-600">Тарифный план</dt>
            <dd>
              {[...new Set(card.meters.filter((m) => m.status === 'active').map((m) => m.zonePlan))]
                .map((p) => zonePlanLabels[p as ZonePlan])
                .join('; ') || 'нет работающего счётчика'}
            </dd>
            <dt className="text-slate-600">Норматив</dt>
            <dd>{account.normKwhPerResident}&nbsp;кВт·ч на человека в месяц</dd>
            <dt className="text-slate-600">Договор</dt>
            <dd>
              {account.contractNumber} от {formatDate(account.contractStart)}
              {account.contractEnd ? `, до ${formatDate(account.contractEnd)}` : ', бессрочный'}
            </dd>
          </dl>
        </section>

        <section className="card min-w-0" aria-labelledby="adjust-heading">
          <h2 id="adjust-heading" className="mb-3">
            Корректировка баланса
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            Новая проводка в журнале счёта; прежние записи не меняются. Ошибку исправляют обратной корректировкой.
          </p>
          <AdjustmentForm action={saveAdjustment} account={account.id} approvalAbove={formatRub(threshold)} />
        </section>
      </div>

      {pending.length > 0 ? (
        <Section id="pending-adjustments" title="Корректировки ждут одобрения" count={pending.length}>
          <ul className="grid gap-3">
            {pending.map((a) => (
              <li key={a.id} className="card space-y-2" data-testid="pending-adjustment">
                <p className="break-words">
                  <span className="font-semibold tabular-nums">{signed(a.amountKopecks)}</span> — {a.reason}.
                  Запросил(а) {a.requesterName}, {formatDateTime(a.requestedAt)}.
                </p>
                {a.requestedBy === staff.id ? (
                  <p className="text-sm text-slate-600">
                    Одобрить свою корректировку нельзя: нужен другой администратор.
                  </p>
                ) : staff.role !== 'admin' ? (
                  <p className="text-sm text-slate-600">Одобрить или отклонить может администратор.</p>
                ) : (
                  <div className="flex flex-wrap gap-3">
                    <AdjustmentDecisionForm action={decideAccountAdjustment} requestId={a.id} decision="approve" />
                    <AdjustmentDecisionForm action={decideAccountAdjustment} requestId={a.id} decision="decline" />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <Section id="terms" title="Жильцы и категория с месяца">
          <div className="card">
            <p className="mb-4 text-sm text-slate-600">
              Изменение действует с 1-го числа выбранного месяца и войдёт в ближайшее начисление; выставленные счета
              сохраняют прежние значения.
            </p>
            <AccountTermsForm
              action={saveAccountTerms}
              account={account.id}
              month={nextMonth}
              residents={account.residents}
              owners={account.owners}
              tariffCategory={account.tariffCategory}
            />
          </div>
          {card.terms.length > 0 ? (
            <ul className="mt-3 grid gap-2 text-sm" data-testid="terms-history" aria-label="История по месяцам">
              {card.terms.map((t) => (
                <li key={t.id} className="card break-words">
                  <span className="font-medium">с {formatPeriod(t.effectiveFrom)}</span>: жильцов {t.residents},
                  собственников {t.owners}, {categoryLabels[t.tariffCategory].toLowerCase()}
                  {t.reason ? ` — ${t.reason}` : ' — значения до первого изменения'}
                  {t.authorName ? <span className="text-slate-500"> · {t.authorName}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </Section>

        <Section id="contacts" title="Контакты счёта">
          <div className="card">
            <AccountContactsForm
              action={saveAccountContacts}
              account={account.id}
              phone={account.phone ?? ''}
              email={account.email ?? ''}
            />
          </div>
        </Section>
      </div>

      <Section id="gis-ids" title="Идентификаторы ГИС ЖКХ">
        <div className="card">
          <p className="mb-4 text-sm text-slate-600">
            ЕЛС и ИЖКУ присваивает ГИС ЖКХ; они печатаются в квитанции, и по ним можно оплатить без регистрации.
          </p>
          <AccountGisIdsForm
            action={saveAccountGisIds}
            account={account.id}
            els={account.els ?? ''}
            izhku={account.izhku ?? ''}
          />
        </div>
      </Section>

      <Section id="meters" title="Счётчики и показания" count={card.meters.length}>
        {card.meters.length === 0 ? (
          <Empty>Счётчиков нет.</Empty>
        ) : (
          <ul className="grid gap-4">
            {card.meters.map((m) => (
              <li key={m.id} className="card min-w-0" data-testid="card-meter" data-serial={m.serialNumber}>
                <p className="font-medium break-words">
                  № {m.serialNumber}
                  {m.model ? `, ${m.model}` : ''} · {meterStatusLabels[m.status]}
                </p>
                <p className="mb-2 text-sm text-slate-600">
                  {zonePlanLabels[m.zonePlan as ZonePlan]}; установлен {formatDate(m.installedAt)}
                  {m.verificationDue ? `; поверка до ${formatDate(m.verificationDue)}` : ''}
                  {m.removedAt ? `; снят ${formatDate(m.removedAt)}` : ''}
                </p>
                {m.readings.length === 0 ? (
                  <p className="text-sm text-slate-600">Показаний за последний год нет.</p>
                ) : (
                  <div
                    className="max-w-full overflow-x-auto"
                    role="region"
                    aria-label={`Показания счётчика ${m.serialNumber}`}
                    tabIndex={0}
                  >
                    <table className="table-base min-w-[26rem] text-sm">
                      <thead>
                        <tr>
                          <th scope="col">Месяц</th>
                          <th scope="col">Зона</th>
                          <th scope="col" className="num">
                            Показание
                          </th>
                          <th scope="col">Кто передал</th>
                        </tr>
                      </thead>
                      <tbody>
                        {m.readings.map((r) => (
                          <tr key={`${r.period}-${r.zone}`}>
                            <td className="whitespace-nowrap">{formatPeriod(r.period)}</td>
                            <td>{zoneShortLabels[r.zone as keyof typeof zoneShortLabels]}</td>
                            <td className="num tabular-nums">{r.value}</td>
                            <td>{readingSourceLabels[r.source] ?? r.source}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="ledger" title="Проводки и баланс" count={card.ledgerCount}>
        <p className="mb-2 text-sm text-slate-600">
          Плюс — долг растёт, минус — уменьшается; «Баланс» — после записи.
          {card.ledgerCount > card.ledger.length ? ` Показаны последние ${card.ledger.length}.` : ''}
        </p>
        {card.ledger.length === 0 ? (
          <Empty>Проводок нет.</Empty>
        ) : (
          <TableBox label="Проводки">
            <table className="table-base min-w-[40rem]" data-testid="ledger-table">
              <thead>
                <tr>
                  <th scope="col">Когда (МСК)</th>
                  <th scope="col">Вид</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col" className="num">
                    Баланс
                  </th>
                  <th scope="col">Описание</th>
                </tr>
              </thead>
              <tbody>
                {card.ledger.map((e) => (
                  <tr key={e.id} data-testid="ledger-row" data-kind={e.kind}>
                    <td className="whitespace-nowrap tabular-nums">{formatDateTime(e.postedAt)}</td>
                    <td>{ledgerKindLabels[e.kind]}</td>
                    <td className="num whitespace-nowrap">{signed(e.amountKopecks)}</td>
                    <td className="num whitespace-nowrap">{signed(e.balanceKopecks)}</td>
                    <td>
                      <KeepWhole text={e.description} />
                      {e.staffName ? <span className="block text-xs text-slate-500">{e.staffName}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Section>

      {card.adjustments.length > 0 ? (
        <Section id="adjustments" title="Корректировки" count={card.adjustments.length}>
          <TableBox label="Корректировки">
            <table className="table-base min-w-[40rem]" data-testid="adjustments-table">
              <thead>
                <tr>
                  <th scope="col">Когда (МСК)</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col">Состояние</th>
                  <th scope="col">Причина</th>
                  <th scope="col">Кто</th>
                </tr>
              </thead>
              <tbody>
                {card.adjustments.map((a) => (
                  <tr key={a.id} data-status={a.status}>
                    <td className="whitespace-nowrap tabular-nums">{formatDateTime(a.requestedAt)}</td>
                    <td className="num whitespace-nowrap">{signed(a.amountKopecks)}</td>
                    <td>{adjustmentStatusLabels[a.status]}</td>
                    <td>{a.reason}</td>
                    <td className="text-sm">
                      {a.requesterName}
                      {a.deciderName ? `; решение: ${a.deciderName}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </Section>
      ) : null}

      <Section id="bills" title="Счета" count={card.bills.length}>
        {card.bills.length === 0 ? (
          <Empty>Счетов нет.</Empty>
        ) : (
          <TableBox label="Счета">
            <table className="table-base min-w-[36rem]">
              <thead>
                <tr>
                  <th scope="col">Месяц</th>
                  <th scope="col">Квитанция</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col">Срок</th>
                  <th scope="col">Состояние</th>
                </tr>
              </thead>
              <tbody>
                {card.bills.map((b) => (
                  <tr key={b.id}>
                    <td className="whitespace-nowrap">{formatPeriod(b.period)}</td>
                    <td className="whitespace-nowrap tabular-nums">{b.receiptNumber}</td>
                    <td className="num whitespace-nowrap">{formatRub(b.amountKopecks)}</td>
                    <td className="whitespace-nowrap">{formatDate(b.dueDate)}</td>
                    <td>
                      {billStatusLabels[b.status]}
                      {b.outstandingKopecks > 0 && b.status === 'partial'
                        ? `, осталось ${formatRub(b.outstandingKopecks)}`
                        : ''}
                      {b.overdue ? <span className="text-danger-600"> · просрочен</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Section>

      <Section id="payments" title="Платежи" count={card.payments.length}>
        <p className="mb-2 text-sm">
          <Link href={`/admin/payments?account=${account.number}`}>Все платежи по этому счёту, возвраты →</Link>
        </p>
        {card.payments.length === 0 ? (
          <Empty>Платежей нет.</Empty>
        ) : (
          <TableBox label="Платежи">
            <table className="table-base min-w-[34rem]">
              <thead>
                <tr>
                  <th scope="col">Платёж №</th>
                  <th scope="col">Дата (МСК)</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col">Состояние</th>
                </tr>
              </thead>
              <tbody>
                {card.payments.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/admin/payments/${p.id}`} className="tabular-nums">
                        {p.invId}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {p.purpose === 'services' ? 'услуги' : 'электроэнергия'}
                        {p.guest ? ' · без регистрации' : ''}
                      </span>
                    </td>
                    <td className="whitespace-nowrap tabular-nums">{formatDateTime(p.paidAt ?? p.createdAt)}</td>
                    <td className="num whitespace-nowrap">{formatRub(p.amountKopecks)}</td>
                    <td>
                      <PaymentStatusBadge status={p.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Section>

      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <Section id="users" title="Пользователи кабинета" count={card.users.length}>
          {card.users.length === 0 ? (
            <Empty>Никто не зарегистрировал этот счёт в личном кабинете.</Empty>
          ) : (
            <ul className="grid gap-2">
              {card.users.map((u) => (
                <li key={u.id} className="card break-words">
                  <span className="font-medium">{u.fullName}</span>
                  {u.isOwner ? <span className="text-sm text-slate-500"> · владелец</span> : null}
                  <span className="block text-sm break-all text-slate-600">
                    {u.email}
                    {u.phone ? `, ${u.phone}` : ''}
                  </span>
                  <span className="block text-sm text-slate-600">{userStatusLabels[u.status] ?? u.status}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="services" title="Заявки на услуги" count={card.serviceRequests.length}>
          {card.serviceRequests.length === 0 ? (
            <Empty>Заявок нет.</Empty>
          ) : (
            <ul className="grid gap-2">
              {card.serviceRequests.map((r) => (
                <li key={r.id} className="card break-words">
                  <Link href={`/admin/services/${r.id}`} className="font-medium">
                    № {r.number}
                  </Link>{' '}
                  {r.title}
                  <span className="block text-sm text-slate-600">
                    {SERVICE_STATUS_LABEL[r.status as keyof typeof SERVICE_STATUS_LABEL]}, {formatDateTime(r.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      {/* Льготы: as the beneficiaries registry shows them; it is where they are edited. */}
      <Section id="benefits" title="Льготы" count={card.benefits.length}>
        {card.benefits.length === 0 ? (
          <Empty>Льгот нет.</Empty>
        ) : (
          <ul className="grid gap-2">
            {card.benefits.map((b) => (
              <li key={b.id} className="card break-words" data-state={b.state}>
                <span className="font-medium">{b.categoryName}</span> ({benefitStateLabels[b.state]}) — {b.basis}
                <span className="block text-sm text-slate-600">
                  {benefitPeriod(b)}. {b.discount}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="notes" title="Заметки сотрудников" count={card.notes.length}>
        <div className="card mb-3">
          <AccountNoteForm action={saveAccountNote} account={account.id} />
        </div>
        {card.notes.length > 0 ? (
          <ul className="grid gap-2" data-testid="card-notes-list">
            {card.notes.map((n) => (
              <li key={n.id} className="card">
                <p className="break-words whitespace-pre-line">{n.body}</p>
                <p className="mt-1 text-sm text-slate-500">
                  {n.authorName ?? 'сотрудник'}, {formatDateTime(n.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </Section>

      <Section id="audit" title="Журнал по счёту" count={card.audit.length}>
        <p className="mb-2 text-sm">
          <Link href={`/admin/audit?account=${account.number}`}>Весь журнал по этому счёту →</Link>
        </p>
        {card.audit.length === 0 ? (
          <Empty>Событий нет.</Empty>
        ) : (
          <TableBox label="Журнал по счёту">
            <table className="table-base min-w-[36rem] text-sm">
              <thead>
                <tr>
                  <th scope="col">Когда (МСК)</th>
                  <th scope="col">Событие</th>
                  <th scope="col">Кто</th>
                </tr>
              </thead>
              <tbody>
                {card.audit.map((e) => (
                  <tr key={e.id} data-action={e.action}>
                    <td className="whitespace-nowrap tabular-nums">{formatDateTime(e.at)}</td>
                    <td className="font-mono text-xs break-all">{e.action}</td>
                    <td className="break-all">{e.actorName ?? e.actorEmail ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Section>
    </div>
  );
}
