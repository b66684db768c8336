import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/page-title';
import type { FormAction } from '@/lib/actions/result';
import { listMyAccounts } from '@/lib/accounts/list';
import type { SessionUser } from '@/lib/auth/session';
import { applicationDetail, listApplications, requiredDocuments, scopeOf } from '@/lib/connection/applications';
import { formatKw } from '@/lib/connection/calculator';
import { payableNow, scheduleOf } from '@/lib/connection/invoice';
import { ratesOn } from '@/lib/connection/rates';
import { DOCUMENT_KINDS } from '@/lib/connection/documents';
import { checkTransition } from '@/lib/connection/status';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { sandboxActive } from '@/lib/payments/gateways';
import { ApplicationForm } from './application-form';
import { PayInvoiceForm, SupplyDataForm, WithdrawForm } from './applicant-forms';
import { ApplicationFacts, ConnectionStatusBadge, ConnectionTimeline, DeadlineLine, DeadlineList } from './parts';
import { type CabinetItemViewProps, type Door } from '@/components/cabinet/item-view-props';

// The connection pages of a cabinet, the same for households (/fiz) and companies (/lk). The route
// files check the session (and the company role) and pass the user and their door's actions in.

export interface ApplicantActions {
  pay: FormAction;
  supply: FormAction;
  withdraw: FormAction;
}

export async function ApplicationsListView({ user, door }: { user: SessionUser; door: Door }) {
  const applications = await listApplications(scopeOf(user));
  return (
    <div className="space-y-6">
      <PageTitle
        title="Технологическое присоединение"
        lead="Заявка на присоединение энергопринимающих устройств до 150 кВт (ПП РФ № 861): договор заключается в личном кабинете оплатой счёта."
        actions={
          <Link href={`${door}/connection/new`} className="btn-primary">
            Подать заявку
          </Link>
        }
      />
      {applications.length === 0 ? (
        <p className="card">Заявок на присоединение пока нет.</p>
      ) : (
        <ul className="space-y-3" aria-label="Мои заявки на присоединение">
          {applications.map((a) => (
            <li key={a.id} className="card flex flex-wrap items-center justify-between gap-3">
              <div className="min-w-0">
                <Link href={`${door}/connection/${a.id}`} className="font-semibold">
                  Заявка № {a.number}: {a.objectName}
                </Link>
                <p className="text-sm break-words text-slate-600">
                  от {formatDate(a.createdAt)} · {formatKw(a.maxPowerW)} · {a.objectAddress}
                </p>
                {a.deadline ? (
                  <p className="text-sm">
                    {a.deadline.label}: <DeadlineLine deadline={a.deadline} />
                  </p>
                ) : null}
              </div>
              <ConnectionStatusBadge status={a.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export async function NewApplicationView({ user, action }: { user: SessionUser; action: FormAction }) {
  const kind = scopeOf(user).kind === 'company' ? 'business' : 'person';
  const [accounts, rates] = await Promise.all([listMyAccounts(user), ratesOn(moscowDay(new Date()))]);
  const required = requiredDocuments(kind);
  const kinds = DOCUMENT_KINDS.filter((k) => k !== 'other' && (kind === 'business' || k !== 'registry_extract'));
  return (
    <div className="max-w-2xl">
      <PageTitle
        title="Заявка на технологическое присоединение"
        lead="До 150 кВт, классом напряжения до 10 кВ. Сроки рассмотрения и размер платы установлены Правилами технологического присоединения."
      />
      {accounts.length === 0 ? (
        <p className="card">Чтобы подать заявку, к кабинету должен быть привязан лицевой счёт.</p>
      ) : (
        <div className="card">
          <ApplicationForm
            action={action}
            applicantKind={kind}
            accounts={accounts.map((a) => ({ id: a.id, label: `${a.number} — ${a.address}` }))}
            applicantName={kind === 'person' ? user.fullName : ''}
            phone={user.phone ?? ''}
            rates={rates}
            documents={kinds.map((k) => ({ kind: k, required: required.includes(k) }))}
          />
        </div>
      )}
    </div>
  );
}

const FLASH: Record<string, string> = {
  filed: 'Заявка зарегистрирована. Мы написали вам письмо и будем сообщать о каждом шаге.',
  supplied: 'Сведения отправлены — заявка снова на проверке.',
  withdrawn: 'Заявка отозвана.',
};

export async function ApplicationView({ user, door, id, flash, actions }: CabinetItemViewProps<ApplicantActions>) {
  const now = new Date();
  const a = await applicationDetail(id, scopeOf(user), now);
  if (!a) notFound();
  const due = payableNow(a, a.creditedParts, now);
  const schedule = scheduleOf(a);
  const price = a.priceKopecks !== null ? formatRub(a.priceKopecks) : null;
  const payLabel = due ? formatRub(due.kopecks) : '';
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle title={`Заявка № ${a.number}`} lead={`Технологическое присоединение: ${a.objectName}`} />
      {flash && FLASH[flash] ? (
        <p className="notice" role="status">
          {FLASH[flash]}
        </p>
      ) : null}
      <ApplicationFacts a={a} fileBase={`${door}/connection/${a.id}`} />
      <DeadlineList deadlines={a.deadlines} />

      {a.status === 'data_requested' ? (
        <section className="card space-y-3" aria-labelledby="conn-supply">
          <h2 id="conn-supply">Представьте недостающие сведения</h2>
          <SupplyDataForm action={actions.supply} applicationId={a.id} />
        </section>
      ) : null}

      {schedule ? (
        <section className="card space-y-2" aria-labelledby="conn-schedule">
          <h2 id="conn-schedule">Рассрочка платежа</h2>
          <ul className="space-y-1" data-testid="installments">
            {schedule.map((p) => (
              <li key={p.part}>
                {p.part}. {p.percent}&nbsp;% — {formatRub(p.kopecks)}
                {p.due ? `, до ${formatDate(p.due)}` : ', в течение 10 дней после размещения акта'}
                {a.creditedParts.includes(p.part) ? ' — оплачено' : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {(a.status === 'offer_posted' || due) && price ? (
        <section className="card space-y-3" aria-labelledby="conn-pay">
          <h2 id="conn-pay">Оплата счёта</h2>
          {a.status === 'offer_posted' ? (
            <p>
              Договор и технические условия размещены выше. Оплата счёта{schedule ? ' (первого платежа рассрочки)' : ''}{' '}
              — акцепт оферты: договор будет заключён в день оплаты, подписывать его не нужно.
            </p>
          ) : null}
          {due ? (
            <>
              {sandboxActive() ? (
                <p className="notice" data-testid="sandbox-notice">
                  Платёжный шлюз не подключён: оплата идёт через встроенную песочницу, деньги не списываются. Тестовая
                  карта 4111 1111 1111 1111, код подтверждения 12345.
                </p>
              ) : null}
              {a.pendingPaymentId ? (
                <p className="text-sm text-slate-600">
                  Платёж уже начат. Если вы не завершили оплату, нажмите «Оплатить» ещё раз — второй раз деньги не
                  спишутся.
                </p>
              ) : null}
              <PayInvoiceForm action={actions.pay} applicationId={a.id} price={payLabel} />
            </>
          ) : (
            <p className="font-semibold text-danger-600" role="alert">
              Срок оплаты счёта истёк {a.payBy ? formatDate(a.payBy) : ''} — оферта будет аннулирована. Подайте новую
              заявку.
            </p>
          )}
        </section>
      ) : null}

      <ConnectionTimeline events={a.events} />

      {checkTransition(a.status, 'cancelled', 'applicant').ok ? (
        <section className="card space-y-3" aria-labelledby="conn-withdraw">
          <h2 id="conn-withdraw">Отзыв заявки</h2>
          <p className="text-sm text-slate-600">Заявку можно отозвать, пока счёт не оплачен.</p>
          <WithdrawForm action={actions.withdraw} applicationId={a.id} />
        </section>
      ) : null}
      <p>
        <Link href={`${door}/connection`}>← Все заявки на присоединение</Link>
      </p>
    </div>
  );
}
