import Link from 'next/link';
import { CopyButton } from '@/components/copy-button';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/page-title';
import type { FormAction } from '@/lib/actions/result';
import { listMyAccounts } from '@/lib/accounts/list';
import type { SessionUser } from '@/lib/auth/session';
import { formatDate, formatDateTime, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { sandboxActive } from '@/lib/payments/gateways';
import { bindingsOf, cardLabel } from '@/lib/payments/bindings';
import { listRequestsOf, orderableServices, requestDetail } from '@/lib/services/requests';
import { PREFERRED_WINDOW_LABEL, type PreferredWindow } from '@/lib/services/preferred-windows';
import { serviceInvoiceFor } from '@/lib/services/invoice';
import { customerMayCancel, isPayable } from '@/lib/services/status';
import { OrderForm } from './order-form';
import { AcceptPriceForm, CancelRequestForm, PayRequestForm, PayWithBindingForm } from './request-forms';
import { RequestTimeline } from './request-timeline';
import { ServiceStatusBadge } from './status-badge';
import { type CabinetItemViewProps, type Door } from '@/components/cabinet/item-view-props';

// The paid-services pages of a cabinet, the same for households (/fiz) and companies (/lk). The
// route files check the session and pass the user and their door's Server Actions in.

export interface CustomerActions {
  accept: FormAction;
  pay: FormAction;
  payWithBinding: FormAction;
  cancel: FormAction;
}

const priceText = (r: { priceKopecks: number | null; priceIsFrom: boolean; catalogPriceKopecks: number }) =>
  r.priceKopecks !== null ? formatRub(r.priceKopecks) : `от ${formatRub(r.catalogPriceKopecks)}`;

export async function RequestsListView({ user, door }: { user: SessionUser; door: Door }) {
  const requests = await listRequestsOf(user);
  return (
    <div className="space-y-6">
      <PageTitle
        title="Платные услуги"
        lead="Электромонтажные работы и восстановление электрощитов. Здесь видно, в каком состоянии каждая заявка."
      />
      <p>
        <Link href={`${door}/services/new`} className="btn-primary inline-flex min-h-11 items-center rounded-lg px-4">
          Новая заявка
        </Link>{' '}
        <Link href="/services" className="ml-3">
          Прейскурант
        </Link>
      </p>
      {requests.length === 0 ? (
        <p className="card">Заявок пока нет.</p>
      ) : (
        <ul className="space-y-3" aria-label="Мои заявки">
          {requests.map((r) => (
            <li key={r.id} className="card flex flex-wrap items-center justify-between gap-3">
              <div>
                <Link href={`${door}/services/${r.id}`} className="font-semibold">
                  Заявка № {r.number}: {r.title}
                </Link>
                <p className="text-sm text-slate-600">
                  от {formatDate(r.createdAt)} · {priceText(r)}
                  {r.scheduledAt && r.status === 'scheduled' ? ` · выезд ${formatDateTime(r.scheduledAt)}` : ''}
                </p>
              </div>
              <ServiceStatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function NewOrderView({
  user,
  serviceCode,
  action,
}: {
  user: SessionUser;
  serviceCode: string | undefined;
  action: FormAction;
}) {
  const [services, accounts] = await Promise.all([orderableServices(), listMyAccounts(user)]);
  const selected = services.find((s) => s.code === serviceCode) ?? services.find((s) => s.id === serviceCode);
  const today = moscowDay(new Date());
  return (
    <div className="max-w-2xl">
      <PageTitle
        title="Заявка на платную услугу"
        lead="Услуга с фиксированной ценой оплачивается сразу; для цены «от …» мастер уточнит стоимость, и вы подтвердите её перед оплатой."
      />
      {accounts.length === 0 ? (
        <p className="card">Чтобы заказать услугу, к кабинету должен быть привязан лицевой счёт.</p>
      ) : (
        <div className="card">
          <OrderForm
            action={action}
            services={services.map((s) => ({
              value: s.id,
              label: `${s.title} — ${s.priceIsFrom ? 'от ' : ''}${formatRub(s.priceKopecks)} за ${s.unit}`,
            }))}
            accounts={accounts
              .filter((a) => a.status === 'active')
              .map((a) => ({ id: a.id, label: `${a.number} — ${a.address}`, address: a.address }))}
            selectedService={selected?.id ?? ''}
            phone={user.phone ?? ''}
            minDate={addDays(today, 1)}
            maxDate={addDays(today, 90)}
          />
        </div>
      )}
    </div>
  );
}

const FLASH: Record<string, string> = {
  ordered: 'Заявка отправлена. Мы написали вам письмо и будем сообщать о каждом изменении.',
  accepted: 'Цена принята — теперь заявку можно оплатить.',
  cancelled: 'Заявка отменена.',
};

export async function RequestView({ user, door, id, flash, actions }: CabinetItemViewProps<CustomerActions>) {
  const request = await requestDetail(id, user.id);
  if (!request) notFound();
  const payable = isPayable(request);
  const bindings = payable ? (await bindingsOf(user.id)).filter((b) => b.purpose === 'services') : [];
  const price = request.priceKopecks !== null ? formatRub(request.priceKopecks) : null;
  const paidAlready = request.paidPaymentId !== null;
  // Companies may also pay by bank transfer; the invoice is for those of them who see the bills.
  const invoice = door === '/lk' && payable ? await serviceInvoiceFor(user, request.id) : null;
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle title={`Заявка № ${request.number}`} lead={request.title} />
      {flash && FLASH[flash] ? (
        <p className="notice" role="status">
          {FLASH[flash]}
        </p>
      ) : null}
      <section className="card space-y-3" aria-labelledby="req-state">
        <h2 id="req-state" className="sr-only">
          Состояние
        </h2>
        <ServiceStatusBadge status={request.status} />
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">Стоимость</dt>
          <dd data-testid="service-price">
            {price ?? `от ${formatRub(request.catalogPriceKopecks)} за ${request.unit} — ждёт расчёта мастера`}
            {request.quantity > 1 ? ` (${request.quantity} × ${request.unit})` : ''}
          </dd>
          {request.priceReason ? (
            <>
              <dt className="text-slate-600">Обоснование цены</dt>
              <dd>{request.priceReason}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">Адрес</dt>
          <dd>{request.address}</dd>
          <dt className="text-slate-600">Желаемое время</dt>
          <dd>
            {request.preferredDate ? `${formatDate(request.preferredDate)}, ` : ''}
            {PREFERRED_WINDOW_LABEL[request.preferredWindow as PreferredWindow] ?? request.preferredWindow}
          </dd>
          {request.scheduledAt ? (
            <>
              <dt className="text-slate-600">Выезд</dt>
              <dd data-testid="service-visit">
                {formatDateTime(request.scheduledAt)}, {request.crew}
              </dd>
            </>
          ) : null}
          <dt className="text-slate-600">Телефон</dt>
          <dd>{request.contactPhone}</dd>
          {request.comment ? (
            <>
              <dt className="text-slate-600">Комментарий</dt>
              <dd className="whitespace-pre-line">{request.comment}</dd>
            </>
          ) : null}
          {request.cancelReason ? (
            <>
              <dt className="text-slate-600">Причина отмены</dt>
              <dd>{request.cancelReason}</dd>
            </>
          ) : null}
        </dl>
        {request.photos.length ? (
          <ul className="flex flex-wrap gap-3" aria-label="Фото">
            {request.photos.map((p) => (
              <li key={p.id}>
                <a href={`${door}/services/${request.id}/photos/${p.id}`} target="_blank" rel="noreferrer">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a private file, not for the image optimiser */}
                  <img
                    src={`${door}/services/${request.id}/photos/${p.id}`}
                    alt={`Фото: ${p.fileName}`}
                    className="h-24 w-24 rounded-lg border border-slate-200 object-cover"
                  />
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {request.status === 'done' ? (
          <p>
            <a href={`${door}/services/${request.id}/act`} className="font-semibold" download>
              Скачать акт выполненных работ (PDF)
            </a>
          </p>
        ) : null}
      </section>

      {request.status === 'price_confirmed' && !request.priceAcceptedAt && price ? (
        <section className="card space-y-3" aria-labelledby="req-accept">
          <h2 id="req-accept">Подтвердите цену</h2>
          <p>
            Мастер рассчитал окончательную стоимость: <strong>{price}</strong>. Если она вас устраивает, примите её —
            после этого заявку можно оплатить. Если нет — отмените заявку, это бесплатно.
          </p>
          <AcceptPriceForm action={actions.accept} requestId={request.id} price={price} />
        </section>
      ) : null}

      {payable && price ? (
        <section className="card space-y-3" aria-labelledby="req-pay">
          <h2 id="req-pay">Оплата</h2>
          {sandboxActive() ? (
            <p className="notice" data-testid="sandbox-notice">
              Платёжный шлюз не подключён: оплата идёт через встроенную песочницу, деньги не списываются. Тестовая карта
              4111 1111 1111 1111, код подтверждения 12345.
            </p>
          ) : null}
          {request.pendingPaymentId ? (
            <p className="text-sm text-slate-600">
              Платёж уже начат. Если вы не завершили оплату, нажмите «Оплатить» ещё раз — второй раз деньги не спишутся.
            </p>
          ) : null}
          <PayRequestForm action={actions.pay} requestId={request.id} price={price} />
          {bindings.map((b) => (
            <PayWithBindingForm
              key={b.id}
              action={actions.payWithBinding}
              requestId={request.id}
              bindingId={b.id}
              cardLabel={cardLabel(b.cardMask)}
            />
          ))}
          {invoice ? (
            <div className="space-y-2 border-t border-slate-200 pt-3" data-testid="service-invoice">
              <h3 className="font-semibold">Оплата по счёту</h3>
              <p className="text-sm text-slate-600">
                Организация может оплатить заявку банковским переводом. Когда деньги поступят, мы отметим заявку
                оплаченной и назначим выезд.
              </p>
              <p>
                <a href={`/lk/services/${request.id}/invoice?download=1`} className="font-semibold" download>
                  Скачать счёт № {invoice.number} (PDF)
                </a>
              </p>
              <p className="text-sm">
                Назначение платежа: <span data-testid="service-invoice-purpose">{invoice.purpose}</span>
                <CopyButton value={invoice.purpose} label="назначение платежа" />
              </p>
            </div>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="req-history">
        <h2 id="req-history" className="mb-3">
          История
        </h2>
        <RequestTimeline events={request.events} />
      </section>

      {customerMayCancel(request.status) ? (
        <section className="card space-y-3" aria-labelledby="req-cancel">
          <h2 id="req-cancel">Отмена заявки</h2>
          <p className="text-sm text-slate-600">
            {paidAlready
              ? `Заявку можно отменить до начала работ: мы вернём ${price} на карту, с которой она оплачена.`
              : 'Заявку можно отменить до начала работ.'}
          </p>
          <CancelRequestForm action={actions.cancel} requestId={request.id} paid={paidAlready} />
        </section>
      ) : null}
      <p>
        <Link href={`${door}/services`}>← Все заявки</Link>
      </p>
    </div>
  );
}
